import type { z } from 'zod';
import { envelopeProblems, type IntegrationEnvelope } from './envelope.js';

/** One version of an event's data, and how to lift the previous version into it. */
export interface ContractVersion<Data = unknown> {
  version: number;
  schema: z.ZodType<Data>;
  /** Converts data of `version - 1` into this version. Required from version 2 on. */
  upcast?: (previous: never) => Data;
}

export interface Contract<Type extends string = string, Data = unknown> {
  type: Type;
  /** Ordered oldest to newest; the last is what producers publish. */
  versions: readonly ContractVersion[];
  /** Phantom field carrying the latest data type. */
  readonly _data?: Data;
}

export const defineContract = <Type extends string, Data>(
  type: Type,
  versions: [...ContractVersion[], ContractVersion<Data>],
): Contract<Type, Data> => {
  versions.forEach((v, i) => {
    if (v.version !== i + 1) throw new Error(`${type}: versions must be 1, 2, 3… in order`);
    if (i > 0 && !v.upcast) throw new Error(`${type} v${v.version}: needs an upcast from v${v.version - 1}`);
  });
  return { type, versions };
};

export type ContractData<C> = C extends Contract<string, infer D> ? D : never;

export type DecodeResult =
  | { ok: true; envelope: IntegrationEnvelope }
  /** Not retryable: the message itself is wrong, so it goes to the dead-letter topic. */
  | { ok: false; reason: string };

export class ContractViolation extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ContractViolation';
  }
}

const zodProblems = (error: z.ZodError): string[] =>
  error.issues.map((i) => `data.${i.path.join('.') || '(root)'}: ${i.message}`);

/** All contracts a service publishes or consumes. */
export class ContractRegistry {
  private readonly byType = new Map<string, Contract>();

  constructor(contracts: readonly Contract[] = []) {
    for (const c of contracts) this.register(c);
  }

  register(contract: Contract): this {
    this.byType.set(contract.type, contract);
    return this;
  }

  has(type: string): boolean {
    return this.byType.has(type);
  }

  latestVersion(type: string): number | undefined {
    return this.byType.get(type)?.versions.length;
  }

  /** Producers may only publish the latest version, and only valid data. */
  assertPublishable(envelope: IntegrationEnvelope): void {
    const problems = envelopeProblems(envelope);
    const contract = this.byType.get(envelope.type);
    if (!contract) problems.push(`type: no contract registered for ${envelope.type}`);
    else {
      const latest = contract.versions[contract.versions.length - 1]!;
      if (envelope.dataversion !== latest.version) {
        problems.push(`dataversion: publish v${latest.version} of ${envelope.type}, not v${envelope.dataversion}`);
      } else {
        const parsed = latest.schema.safeParse(envelope.data);
        if (!parsed.success) problems.push(...zodProblems(parsed.error));
      }
    }
    if (problems.length) throw new ContractViolation(problems);
  }

  /**
   * Validates a consumed envelope and upcasts its data to the latest version. An unknown newer
   * version or invalid data is refused with a reason (dead-letter material, never retried).
   */
  decode(value: unknown): DecodeResult {
    const problems = envelopeProblems(value);
    if (problems.length) return { ok: false, reason: problems.join('; ') };
    const envelope = value as IntegrationEnvelope;
    const contract = this.byType.get(envelope.type);
    if (!contract) return { ok: false, reason: `type: no contract registered for ${envelope.type}` };
    const latest = contract.versions.length;
    if (envelope.dataversion > latest) {
      return {
        ok: false,
        reason: `dataversion: ${envelope.type} v${envelope.dataversion} is newer than v${latest}, the newest this consumer knows; upgrade the consumer`,
      };
    }
    const own = contract.versions[envelope.dataversion - 1]!;
    const parsed = own.schema.safeParse(envelope.data);
    if (!parsed.success) return { ok: false, reason: zodProblems(parsed.error).join('; ') };
    let data: unknown = parsed.data;
    for (let v = envelope.dataversion + 1; v <= latest; v++) {
      data = (contract.versions[v - 1]!.upcast as (d: unknown) => unknown)(data);
    }
    return { ok: true, envelope: { ...envelope, dataversion: latest, data } };
  }
}
