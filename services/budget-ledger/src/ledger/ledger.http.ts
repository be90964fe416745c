/**
 * The budget ledger's command API (docs/budget.md, "Commands"), internal: the gateway forwards
 * `/api/v1/budget/...` writes here with the internal token and the caller (`x-adal-actor`).
 * Every command needs the `admin` (or `budget-officer`) role. Refusals answer RFC 9457 problems
 * naming the field: 422 bad input, 404 unknown line/institution/programme, 409 refused by the
 * ledger's state (over the allocation, over the commitment, ...).
 *
 * A repeated command answers 200 instead of 201 and records nothing: the same institution or
 * programme data again, or a transaction id the line has already seen. A name correction
 * (`PUT institutions/{bin}/name`) always answers 200.
 */
import { Body, Controller, HttpCode, Inject, Param, Post, Put, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemException } from '@adal/service-kit';
import { CurrentActor, InternalCallerGuard, requireBudgetWriter, type Actor } from '../application/actor.js';
import { BudgetLedger } from '../application/budget-ledger.js';
import { BUDGET_CONFIG, type BudgetConfig } from '../application/config.js';
import { DomainProblemsInterceptor } from '../application/domain-problems.js';
import { readCsv } from '../import/csv.js';
import { LedgerImporter, type ImportReport } from '../import/importer.js';

const CSV_TYPES = new Set(['text/csv', 'application/csv', 'text/plain']);

@Controller('v1/budget')
@UseGuards(InternalCallerGuard)
@UseInterceptors(DomainProblemsInterceptor)
export class LedgerController {
  constructor(
    @Inject(BudgetLedger) private readonly ledger: BudgetLedger,
    @Inject(LedgerImporter) private readonly importer: LedgerImporter,
    @Inject(BUDGET_CONFIG) private readonly config: BudgetConfig,
  ) {}

  @Post('institutions')
  async registerInstitution(
    @CurrentActor() actor: Actor | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    requireBudgetWriter(actor);
    const { created, institution } = await this.ledger.registerInstitution(body);
    response.status(created ? 201 : 200);
    return institution;
  }

  /**
   * `CorrectInstitutionName`: `{ name: { kk, ru, en } }` → 200 with the institution as it is now
   * (`changed` false when the names were these already). 404 for a BIN never registered.
   */
  @Put('institutions/:bin/name')
  @HttpCode(200)
  async correctInstitutionName(
    @CurrentActor() actor: Actor | undefined,
    @Param('bin') bin: string,
    @Body() body: unknown,
  ) {
    requireBudgetWriter(actor);
    const { changed, institution } = await this.ledger.correctInstitutionName(bin, body);
    return { ...institution, changed };
  }

  @Post('programmes')
  async registerProgramme(
    @CurrentActor() actor: Actor | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    requireBudgetWriter(actor);
    const { created, programme } = await this.ledger.registerProgramme(body);
    response.status(created ? 201 : 200);
    return programme;
  }

  @Post('lines/:lineId/transactions')
  async recordTransaction(
    @CurrentActor() actor: Actor | undefined,
    @Param('lineId') lineId: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    requireBudgetWriter(actor);
    const { duplicate, line } = await this.ledger.recordTransaction(lineId, body);
    response.status(duplicate ? 200 : 201);
    return { ...line, duplicate };
  }

  /**
   * `text/csv` in the import format (UTF-8, at most `BUDGET_IMPORT_MAX_BYTES`) → the report. The
   * body is read whole before anything is applied, so an over-long upload changes nothing.
   */
  @Post('imports')
  @HttpCode(200)
  async import(@CurrentActor() actor: Actor | undefined, @Req() request: Request): Promise<ImportReport> {
    requireBudgetWriter(actor);
    const [mediaType = '', ...parameters] = String(request.headers['content-type'] ?? '')
      .split(';')
      .map((part) => part.trim().toLowerCase());
    const charset = parameters.find((p) => p.startsWith('charset='))?.slice('charset='.length);
    if (!CSV_TYPES.has(mediaType) || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
      throw new ProblemException({
        status: 415,
        title: 'Unsupported Media Type',
        detail: 'Send the import file as text/csv in UTF-8.',
        errors: [{ field: 'content-type', message: 'must be text/csv (UTF-8)' }],
      });
    }
    const max = this.config.importMaxBytes;
    const tooLarge = () =>
      new ProblemException({
        status: 413,
        title: 'Content Too Large',
        detail: `The import file is larger than ${max} bytes: split it.`,
        errors: [{ field: 'body', message: `at most ${max} bytes` }],
      });
    if (Number(request.headers['content-length'] ?? 0) > max) throw tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > max) throw tooLarge();
      chunks.push(chunk);
    }
    return this.importer.run(readCsv(chunks), { concurrency: this.config.importConcurrency });
  }
}
