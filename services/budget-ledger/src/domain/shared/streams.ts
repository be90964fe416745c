/**
 * Stream names of the budget ledger (docs/budget.md):
 * | aggregate   | stream                                  | example                                   |
 * |-------------|-----------------------------------------|-------------------------------------------|
 * | Institution | `institution-{bin}`                     | `institution-970240000123`                |
 * | Programme   | `programme-{code}`                      | `programme-253001000`                     |
 * | BudgetLine  | `budgetline-{bin}-{code}-{fiscalYear}`  | `budgetline-970240000123-253001000-2026`  |
 * The line id is the budget-line stream's suffix.
 */

export const INSTITUTION_CATEGORY = 'institution';
export const PROGRAMME_CATEGORY = 'programme';
export const BUDGET_LINE_CATEGORY = 'budgetline';

const LINE_ID = /^(\d{12})-(\d{9})-(\d{4})$/;

/** The 9-digit programme code: administrator, programme, subprogramme (3 digits each). */
export const programmeCodeOf = (administrator: string, programme: string, subprogramme: string): string =>
  `${administrator}${programme}${subprogramme}`;

export const institutionStream = (bin: string): string => `${INSTITUTION_CATEGORY}-${bin}`;
export const programmeStream = (code: string): string => `${PROGRAMME_CATEGORY}-${code}`;
export const budgetLineStream = (lineId: string): string => `${BUDGET_LINE_CATEGORY}-${lineId}`;

export const lineIdOf = (bin: string, programmeCode: string, fiscalYear: number): string =>
  `${bin}-${programmeCode}-${fiscalYear}`;

export interface LineIdParts {
  bin: string;
  programmeCode: string;
  fiscalYear: number;
}

/** The parts of a line id, or undefined when it is not one (shape only: the BIN checksum is not checked). */
export const parseLineId = (lineId: string): LineIdParts | undefined => {
  const match = LINE_ID.exec(lineId);
  return match ? { bin: match[1]!, programmeCode: match[2]!, fiscalYear: Number(match[3]) } : undefined;
};

export type BudgetStreamName =
  | { kind: 'institution'; bin: string }
  | { kind: 'programme'; code: string }
  | ({ kind: 'budget-line'; lineId: string } & LineIdParts);

/** Which aggregate a stream belongs to, or undefined for a stream of another service. */
export const parseBudgetStream = (streamName: string): BudgetStreamName | undefined => {
  const dash = streamName.indexOf('-');
  if (dash < 0) return undefined;
  const category = streamName.slice(0, dash);
  const id = streamName.slice(dash + 1);
  if (category === INSTITUTION_CATEGORY && /^\d{12}$/.test(id)) return { kind: 'institution', bin: id };
  if (category === PROGRAMME_CATEGORY && /^\d{9}$/.test(id)) return { kind: 'programme', code: id };
  if (category === BUDGET_LINE_CATEGORY) {
    const parts = parseLineId(id);
    return parts ? { kind: 'budget-line', lineId: id, ...parts } : undefined;
  }
  return undefined;
};
