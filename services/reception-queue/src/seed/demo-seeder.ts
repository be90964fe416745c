import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { isDomainError } from '../domain/index.js';
import { ReceptionQueue } from '../queue/reception-queue.js';
import { DEMO_QUEUE_OFFICES } from './demo-data.js';

/**
 * Seeds the demo queue when `SEED_DEMO_DATA=true` (as `npm start` does). An office already set
 * up is left as it is (an admin may have changed it).
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeeder');

  constructor(@Inject(ReceptionQueue) private readonly queue: ReceptionQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    if (process.env['SEED_DEMO_DATA'] !== 'true') return;
    await this.seed();
  }

  async seed(): Promise<void> {
    for (const { officeId, setup } of DEMO_QUEUE_OFFICES) {
      try {
        await this.queue.setup(officeId);
        continue; // configured already
      } catch (error) {
        if (!(isDomainError(error) && error.code === 'OFFICE_NOT_CONFIGURED')) throw error;
      }
      await this.queue.configure(officeId, setup as unknown as Record<string, unknown>);
    }
    this.logger.log(`demo queue ready: ${DEMO_QUEUE_OFFICES.map((o) => o.officeId).join(', ')}`);
  }
}
