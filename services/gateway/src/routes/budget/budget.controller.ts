import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  type Type,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiProduces,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Endpoint } from '../../auth/access.js';
import type { GatewayRequest, GatewayResponse } from '../../http.js';
import { GatewayProblem } from '../../problems/gateway-problem.js';
import { ApiProblemResponse } from '../../problems/problem.openapi.js';
import { UpstreamClient, type ForwardParts } from '../../proxy/upstream.client.js';
import type { UpstreamName } from '../../proxy/upstreams.js';
import { OpenDataRateLimit } from '../../rate-limit/rate-limit.js';
import { validateNested } from '../queue/nested.js';
import {
  BudgetFunctionalGroupsQuery,
  BudgetInstitutionParams,
  BudgetInstitutionsQuery,
  BudgetLineParams,
  BudgetProgrammesQuery,
  BudgetRegionParams,
  BudgetTransactionBody,
  BudgetYearQuery,
  BudgetFormatQuery,
  CorrectInstitutionNameBody,
  OpenDataResourceParams,
  RegisterInstitutionBody,
  RegisterProgrammeBody,
} from './budget.dto.js';
import {
  BudgetDataPackage,
  BudgetFunctionalGroups,
  BudgetImportReport,
  BudgetInstitution,
  BudgetInstitutionPage,
  BudgetInstitutionNameCorrection,
  BudgetInstitutionRecord,
  BudgetLine,
  BudgetLineSummary,
  BudgetProgrammePage,
  BudgetProgrammeRecord,
  BudgetRegion,
  BudgetRegions,
  BudgetYears,
} from './budget.responses.js';

/**
 * The budget-ledger service's public routes (docs/budget.md, "Public HTTP API"; docs/api.md,
 * "Budget routes"): forwarded to `BUDGET_LEDGER_URL` + `/v1/budget/<path>`. Reads are open data:
 * anyone, no sign-in, their own generous rate limit; answers are relayed as they arrive
 * (`UpstreamClient.pipe`: the CSV of every ledger event can be 100+ MB), with `ETag`,
 * `Cache-Control`, `Link`, `Content-Disposition` and a `304` to `If-None-Match` passed through.
 * Commands are the admin's. An import's CSV file is passed on as it was sent.
 */
const SERVICE: UpstreamName = 'budget-ledger';

/** Largest import file accepted (`POST /api/v1/budget/imports`). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** How long an import may take: every row is a command. */
export const IMPORT_TIMEOUT_MS = 5 * 60_000;

const CSV_TYPE = /^text\/csv\s*(;|$)/i;

const ForwardedErrors = () =>
  applyDecorators(
    ApiProblemResponse(400, 'A parameter or field of the wrong type (`errors` names each field)'),
    ApiProblemResponse(422, 'A parameter or field breaks a rule (`errors` names each field)'),
    ApiProblemResponse(503, 'The budget-ledger service cannot be reached (`Retry-After`)'),
    ApiProblemResponse(504, 'The budget-ledger service did not answer in time'),
  );

const READ_HEADERS = {
  ETag: { description: 'Weak validator: changes when the projection moves', schema: { type: 'string' } },
  'Cache-Control': { description: '`public, max-age=30`', schema: { type: 'string' } },
} as const;

const PAGE_HEADERS = {
  ...READ_HEADERS,
  Link: { description: 'RFC 8288 links to the `first`, `prev`, `next` and `last` pages', schema: { type: 'string' } },
} as const;

/**
 * A public read of open data: anyone, its own rate limit, `If-None-Match` → 304, the answer
 * documented as JSON (`type`) or, when `csv`, also as `text/csv` (`?format=csv` or
 * `Accept: text/csv`).
 */
const OpenDataRead = (options: {
  summary: string;
  description?: string;
  type: Type<unknown>;
  csv: boolean;
  paged?: boolean;
}) =>
  applyDecorators(
    Endpoint({
      summary: options.summary,
      description: [
        options.description,
        options.csv
          ? 'Also as CSV, with the same filters (a list: all its pages): `?format=csv` or `Accept: text/csv`.'
          : undefined,
      ]
        .filter(Boolean)
        .join('\n\n'),
      access: 'anyone',
    }),
    OpenDataRateLimit(),
    ApiExtraModels(options.type),
    ApiProduces(...(options.csv ? ['application/json', 'text/csv'] : ['application/json'])),
    ApiOkResponse({
      description: options.csv ? 'The answer (JSON, or CSV as asked)' : 'The answer',
      headers: options.paged ? PAGE_HEADERS : READ_HEADERS,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(options.type) } },
        ...(options.csv ? { 'text/csv': { schema: { type: 'string' } } } : {}),
      },
    }),
    ConditionalRead(),
  );

/** `If-None-Match` and its `304 Not Modified`. */
const ConditionalRead = () =>
  applyDecorators(
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'The `ETag` of an answer already held: `304 Not Modified` while it is still current',
    }),
    ApiResponse({ status: 304, description: 'Not modified: the answer held (`If-None-Match`) is still current' }),
  );

@ApiTags('open budget')
@ForwardedErrors()
@Controller('api/v1/budget')
export class BudgetController {
  constructor(@Inject(UpstreamClient) private readonly upstream: UpstreamClient) {}

  /** Reads: relayed as they arrive, whatever their size. */
  private read(request: GatewayRequest, response: GatewayResponse, query?: object): Promise<void> {
    return this.upstream.pipe(SERVICE, request, response, query ? { query } : {});
  }

  private forward(request: GatewayRequest, response: GatewayResponse, parts: ForwardParts): Promise<void> {
    return this.upstream.forward(SERVICE, request, response, parts);
  }

  // ---- reads (open data) ----

  @Get('years')
  @OpenDataRead({ summary: 'Fiscal years with budget data, and the current one', type: BudgetYears, csv: false })
  years(@Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.read(req, res);
  }

  @Get('regions')
  @OpenDataRead({
    summary: 'Budget execution of the 20 regions for a year',
    description:
      'Allocated, committed and paid per region with the status colour (green / yellow / red against the ' +
      'share of the year elapsed; none when nothing is allocated), and the country totals. No paging.',
    type: BudgetRegions,
    csv: true,
  })
  regions(@Query() query: BudgetYearQuery, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.read(req, res, query);
  }

  @Get('regions/:regionId')
  @OpenDataRead({
    summary: 'A region for a year, with its totals per functional group',
    type: BudgetRegion,
    csv: true,
  })
  @ApiProblemResponse(404, 'No such region')
  region(
    @Param() _params: BudgetRegionParams,
    @Query() query: BudgetYearQuery,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.read(req, res, query);
  }

  @Get('regions/:regionId/institutions')
  @OpenDataRead({
    summary: 'The institutions of a region, with their totals for a year (paginated)',
    description: 'Search with `q` (names, BIN), filter by `level`, sort by name, allocated, paid or execution.',
    type: BudgetInstitutionPage,
    csv: true,
    paged: true,
  })
  @ApiProblemResponse(404, 'No such region')
  institutions(
    @Param() _params: BudgetRegionParams,
    @Query() query: BudgetInstitutionsQuery,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.read(req, res, query);
  }

  @Get('institutions/:bin')
  @OpenDataRead({
    summary: 'An institution for a year, with its budget lines',
    type: BudgetInstitution,
    csv: true,
  })
  @ApiProblemResponse(404, 'No such institution')
  institution(
    @Param() _params: BudgetInstitutionParams,
    @Query() query: BudgetYearQuery,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.read(req, res, query);
  }

  @Get('lines/:lineId')
  @OpenDataRead({
    summary: 'A budget line and its whole ledger history',
    description: 'Every transaction in order: allocation, amendments, commitments, payments, corrections.',
    type: BudgetLine,
    csv: true,
  })
  @ApiProblemResponse(404, 'No such budget line')
  line(
    @Param() _params: BudgetLineParams,
    @Query() query: BudgetFormatQuery,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.read(req, res, query);
  }

  @Get('programmes')
  @OpenDataRead({
    summary: 'Totals per budget programme for a year (paginated)',
    type: BudgetProgrammePage,
    csv: true,
    paged: true,
  })
  programmes(
    @Query() query: BudgetProgrammesQuery,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.read(req, res, query);
  }

  @Get('functional-groups')
  @OpenDataRead({
    summary: 'Totals per functional group for a year, for the country or one region',
    type: BudgetFunctionalGroups,
    csv: true,
  })
  functionalGroups(
    @Query() query: BudgetFunctionalGroupsQuery,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.read(req, res, query);
  }

  @Get('open-data/datapackage.json')
  @OpenDataRead({
    summary: 'The Fiscal Data Package descriptor of the open budget data',
    description: 'Lists the CSV files (`open-data/{resource}.csv`) and their Table Schemas.',
    type: BudgetDataPackage,
    csv: false,
  })
  dataPackage(@Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.read(req, res);
  }

  @Get('open-data/:resource.csv')
  @Endpoint({
    summary: 'An open data file (CSV)',
    description:
      '`institutions`, `programmes`, `budget-lines`, or `transactions` (every ledger event; large: it is ' +
      'streamed as the service writes it). `Content-Disposition` names the file.',
    access: 'anyone',
  })
  @OpenDataRateLimit()
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The file (`text/csv`, RFC 4180, UTF-8, header row)',
    headers: {
      ...READ_HEADERS,
      'Content-Disposition': { description: '`attachment; filename="<resource>.csv"`', schema: { type: 'string' } },
    },
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ConditionalRead()
  openData(
    @Param() _params: OpenDataResourceParams,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.read(req, res);
  }

  // ---- commands (admin) ----

  @Post('institutions')
  @HttpCode(201)
  @Endpoint({
    summary: 'Register a state institution',
    description:
      'Registering it again with the same data changes nothing; with different data it is refused (409). ' +
      'Region and level never change: a reorganised institution gets a new BIN.',
    access: ['admin'],
  })
  @ApiBody({ type: RegisterInstitutionBody })
  @ApiCreatedResponse({ type: BudgetInstitutionRecord, description: 'The institution' })
  @ApiProblemResponse(409, 'The BIN is registered with other data')
  async registerInstitution(
    @Body() body: RegisterInstitutionBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body: await validateNested(body, RegisterInstitutionBody) });
  }

  @Put('institutions/:bin/name')
  @HttpCode(200)
  @Endpoint({
    summary: "Correct a state institution's names",
    description:
      'Records `InstitutionNameCorrected` (the history keeps the old names); the same names again change ' +
      'nothing (`changed: false`). Region and level never change. The open data shows the new names once ' +
      'the projection has caught up.',
    access: ['admin'],
  })
  @ApiBody({ type: CorrectInstitutionNameBody })
  @ApiOkResponse({ type: BudgetInstitutionNameCorrection, description: 'The institution with its current names' })
  @ApiProblemResponse(404, 'No institution with this BIN')
  async correctInstitutionName(
    @Param() _params: BudgetInstitutionParams,
    @Body() body: CorrectInstitutionNameBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body: await validateNested(body, CorrectInstitutionNameBody) });
  }

  @Post('programmes')
  @HttpCode(201)
  @Endpoint({
    summary: 'Register a budget programme of the budget classification',
    description: 'Registering it again with the same data changes nothing; with different data it is refused (409).',
    access: ['admin'],
  })
  @ApiBody({ type: RegisterProgrammeBody })
  @ApiCreatedResponse({ type: BudgetProgrammeRecord, description: 'The programme' })
  @ApiProblemResponse(409, 'The programme code is registered with other data')
  async registerProgramme(
    @Body() body: RegisterProgrammeBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body: await validateNested(body, RegisterProgrammeBody) });
  }

  @Post('lines/:lineId/transactions')
  @HttpCode(201)
  @Endpoint({
    summary: 'Record a transaction on a budget line',
    description:
      'Allocation approved or amended, commitment registered, reduced or cancelled, payment made. A ' +
      '`transactionId` the line has already seen changes nothing (imports are idempotent). Always ' +
      '`0 ≤ paid ≤ committed ≤ allocation`: a transaction that would break it is refused (409).',
    access: ['admin'],
  })
  @ApiBody({ type: BudgetTransactionBody })
  @ApiCreatedResponse({ type: BudgetLineSummary, description: 'The line after the transaction' })
  @ApiProblemResponse(404, 'No such budget line (approve its allocation first), or an unknown commitment')
  @ApiProblemResponse(409, 'The ledger forbids it (over the allocation, over the commitment, cancelled, ...)')
  recordTransaction(
    @Param() _params: BudgetLineParams,
    @Body() body: BudgetTransactionBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body });
  }

  @Post('imports')
  @HttpCode(200)
  @Endpoint({
    summary: 'Import ledger transactions from a CSV file',
    description:
      `The import format of docs/budget.md (RFC 4180, UTF-8, header row), up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB, ` +
      'sent as `text/csv` and passed on as it is. Rows are applied in file order, each all or nothing; a ' +
      'row whose transaction id its line has seen is a duplicate (nothing changes); a bad row is reported ' +
      'with its line number and column, and the good rows go in.',
    access: ['admin'],
  })
  @ApiConsumes('text/csv')
  @ApiBody({ description: 'The CSV file', schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: BudgetImportReport, description: 'What the import did' })
  @ApiProblemResponse(413, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`)
  @ApiProblemResponse(415, 'The body is not `text/csv`')
  async importTransactions(@Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    const contentType = req.headers['content-type'] ?? '';
    if (!CSV_TYPE.test(contentType)) {
      throw new GatewayProblem({ status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail: { key: 'detail.csvOnly' } });
    }
    const data = await readBody(req, MAX_IMPORT_BYTES);
    if (data.length === 0) throw GatewayProblem.field('body', 'field.required');
    return this.forward(req, res, { raw: { data, contentType }, timeoutMs: IMPORT_TIMEOUT_MS });
  }
}

const tooLarge = (): GatewayProblem =>
  new GatewayProblem({
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    detail: { key: 'detail.bodyTooLarge' },
    // The rest of the upload is not read: end the connection rather than drain it.
    headers: { Connection: 'close' },
  });

/** The whole request body, refused (413) as soon as it is larger than `limit` bytes. */
const readBody = async (request: GatewayRequest, limit: number): Promise<Buffer> => {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
};

export const BUDGET_CONTROLLERS = [BudgetController];
