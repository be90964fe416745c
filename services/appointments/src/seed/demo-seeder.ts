import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { isDomainError } from '../domain/index.js';
import { ReceptionSchedules } from '../schedule/schedule.workflow.js';
import { AppointmentsQueries } from '../read-models/queries.js';
import { DEMO_OFFICES, DEMO_OFFICIALS } from './demo-data.js';

const ALREADY_THERE = new Set(['OFFICIAL_ALREADY_REGISTERED', 'RULE_ALREADY_PUBLISHED']);

/** Seeds the demo offices and officials when `SEED_DEMO_DATA=true` (as `npm start` does). Idempotent. */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    private readonly schedules: ReceptionSchedules,
    private readonly queries: AppointmentsQueries,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (process.env['SEED_DEMO_DATA'] !== 'true') return;
    await this.seed();
  }

  async seed(): Promise<void> {
    for (const office of DEMO_OFFICES) await this.queries.upsertOffice(office);
    for (const { profile, rules } of DEMO_OFFICIALS) {
      await this.tolerate(() => this.schedules.registerOfficial(profile));
      for (const rule of rules) await this.tolerate(() => this.schedules.publishRule(profile.officialId, rule));
    }
    this.logger.log(`demo data ready: ${DEMO_OFFICES.length} offices, ${DEMO_OFFICIALS.length} officials`);
  }

  private async tolerate(step: () => Promise<unknown>): Promise<void> {
    try {
      await step();
    } catch (error) {
      if (!(isDomainError(error) && ALREADY_THERE.has(error.code))) throw error;
    }
  }
}
