/**
 * The fiscal years with data and the default one, remembered per projection position so every
 * answer (and `RegionsFastPath`, synchronously) resolves `year` the same way without a query.
 */
import { Inject, Injectable } from '@nestjs/common';
import { BUDGET_CLOCK, type BudgetClock } from '../read-models/config.js';
import { BudgetProjector } from '../read-models/projector.js';
import { BudgetQueries } from '../read-models/queries.js';

/** This year in Almaty when it has data, else the latest year with data before it, else the latest. */
export const defaultYear = (years: readonly number[], today: string): number => {
  const thisYear = Number(today.slice(0, 4));
  if (years.includes(thisYear)) return thisYear;
  return years.find((y) => y <= thisYear) ?? years[0] ?? thisYear;
};

/** The earlier of two `YYYY-MM-DD` dates (null when there is no date). */
export const earlierDate = (a: string | null, b: string): string | null => (a === null ? null : a < b ? a : b);

@Injectable()
export class FiscalYears {
  private memo?: { position: bigint; years: Promise<number[]>; settled?: number[] };

  constructor(
    @Inject(BudgetQueries) private readonly queries: BudgetQueries,
    @Inject(BudgetProjector) private readonly projector: BudgetProjector,
    @Inject(BUDGET_CLOCK) private readonly clock: BudgetClock,
  ) {}

  /** Fiscal years with any budget line, latest first. */
  years(): Promise<number[]> {
    const position = this.projector.current().position;
    if (this.memo?.position !== position) {
      const memo: { position: bigint; years: Promise<number[]>; settled?: number[] } = {
        position,
        years: this.queries.years(),
      };
      memo.years.then(
        (years) => (memo.settled = years),
        () => {
          if (this.memo === memo) this.memo = undefined;
        },
      );
      this.memo = memo;
    }
    return this.memo.years;
  }

  /** The default fiscal year (see `defaultYear`) on the service clock's today. */
  async current(): Promise<number> {
    return defaultYear(await this.years(), this.clock.today());
  }

  /** The default fiscal year when already known for the projection's position (no query), else undefined. */
  currentNow(): number | undefined {
    const memo = this.memo;
    if (!memo?.settled || memo.position !== this.projector.current().position) return undefined;
    return defaultYear(memo.settled, this.clock.today());
  }
}
