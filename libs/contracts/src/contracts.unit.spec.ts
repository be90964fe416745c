import { z } from 'zod';
import { ContractRegistry, ContractViolation, defineContract } from './contracts.js';
import type { IntegrationEnvelope } from './envelope.js';

const SlotBooked = defineContract('appointments.SlotBooked', [
  { version: 1, schema: z.object({ slot: z.string() }) },
  {
    version: 2,
    schema: z.object({ slot: z.string(), channel: z.enum(['in_person', 'remote']) }),
    upcast: (v1: { slot: string }) => ({ ...v1, channel: 'in_person' as const }),
  },
]);
const registry = new ContractRegistry([SlotBooked]);

const envelope = (dataversion: number, data: unknown): IntegrationEnvelope => ({
  specversion: '1.0',
  id: '0190a8e0-7c1b-7000-8000-000000000001',
  source: '/adal-office/appointments',
  type: 'appointments.SlotBooked',
  subject: 'booking-1',
  time: '2026-11-22T10:00:00+05:00',
  datacontenttype: 'application/json',
  dataversion,
  data,
});

describe('integration contracts', () => {
  it('upcasts an older version to the newest on consume', () => {
    const decoded = registry.decode(envelope(1, { slot: '10:00' }));
    expect(decoded).toEqual({ ok: true, envelope: envelope(2, { slot: '10:00', channel: 'in_person' }) });
  });

  it('refuses an unknown newer version with a reason that says so', () => {
    const decoded = registry.decode(envelope(3, { slot: '10:00' }));
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toMatch(/v3 is newer than v2/);
  });

  it('refuses invalid data naming the field, and unknown types', () => {
    const bad = registry.decode(envelope(2, { slot: '10:00', channel: 'fax' }));
    expect(!bad.ok && bad.reason).toMatch(/data\.channel/);
    expect(registry.decode({ ...envelope(2, {}), type: 'x.Unknown' })).toMatchObject({ ok: false });
    expect(registry.decode('not an envelope')).toMatchObject({ ok: false });
  });

  it('lets producers publish only the newest version with valid data', () => {
    expect(() => registry.assertPublishable(envelope(2, { slot: '10:00', channel: 'remote' }))).not.toThrow();
    expect(() => registry.assertPublishable(envelope(1, { slot: '10:00' }))).toThrow(ContractViolation);
    expect(() => registry.assertPublishable({ ...envelope(2, { slot: '1', channel: 'remote' }), subject: '' })).toThrow(
      /subject/,
    );
  });

  it('demands versions in order with upcasters', () => {
    expect(() => defineContract('x.Y', [{ version: 2, schema: z.object({}) }])).toThrow(/in order/);
    expect(() =>
      defineContract('x.Y', [
        { version: 1, schema: z.object({}) },
        { version: 2, schema: z.object({}) },
      ]),
    ).toThrow(/upcast/);
  });
});
