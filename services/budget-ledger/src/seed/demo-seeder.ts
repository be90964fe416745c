import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore } from '@adal/event-store';
import { InjectEventStore } from '@adal/service-kit';
import { CLOCK, currentYear, todayIn, type Clock } from '../application/clock.js';
import { BUDGET_CONFIG, type BudgetConfig } from '../application/config.js';
import { BUDGET_LINE_CATEGORY, INSTITUTION_CATEGORY, PROGRAMME_CATEGORY } from '../domain/index.js';
import { loadSyntheticLedger, type LoadResult } from '../generator/load.js';

/** Does the store hold any ledger event? */
export const ledgerIsEmpty = async (store: EventStore): Promise<boolean> =>
  (
    await store.readAll({
      maxCount: 1,
      filter: { categories: [INSTITUTION_CATEGORY, PROGRAMME_CATEGORY, BUDGET_LINE_CATEGORY] },
    })
  ).length === 0;

/**
 * The demo: when `BUDGET_SEED_DEMO` is not `false` and the ledger is empty, loads a small slice of
 * the synthetic dataset (300 institutions, 20,000 events by default) for the current fiscal year
 * up to today and, unless `BUDGET_SEED_YEAR` names one year, the whole previous year, through
 * the same loader as the benchmark. Runs before the service reports ready, so the map has data
 * when `npm start` says so; a failure is logged, the service still starts.
 * Two replicas seeding at once write the same events (deterministic ids): no harm.
 */
@Injectable()
export class BudgetDemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('BudgetDemoSeeder');

  constructor(
    @InjectEventStore() private readonly store: EventStore,
    @Inject(BUDGET_CONFIG) private readonly config: BudgetConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    try {
      const result = await this.seed();
      if (result)
        this.logger.log(
          `demo budget loaded: ${result.institutions} institutions, ${result.lines} lines, ${result.events} events ` +
            `of ${result.year} up to ${result.asOf} in ${result.ms} ms (synthetic data)`,
        );
    } catch (error) {
      this.logger.error(`demo budget not loaded: ${(error as Error).message}`, (error as Error).stack);
    }
  }

  /** Loads the demo slice into an empty ledger; undefined when the ledger holds data already. */
  async seed(): Promise<LoadResult | undefined> {
    if (!(await ledgerIsEmpty(this.store))) {
      this.logger.log('the ledger holds data: no demo budget loaded');
      return undefined;
    }
    const thisYear = currentYear(this.clock);
    const year = this.config.seedYear ?? thisYear;
    const load = (fiscalYear: number) =>
      loadSyntheticLedger(this.store, {
        institutions: this.config.seedInstitutions,
        events: this.config.seedEvents,
        seed: this.config.seedRandom,
        year: fiscalYear,
        ...(fiscalYear === thisYear ? { asOf: todayIn(this.clock) } : {}),
      });
    // Without an explicit year, the closed previous year too: the map's year switch then compares
    // a finished year with the running one (same institutions, their own lines per year).
    if (this.config.seedYear === undefined) {
      const previous = await load(thisYear - 1);
      this.logger.log(`demo budget of ${previous.year}: ${previous.events} events (synthetic data)`);
    }
    return load(year);
  }
}
