import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class ProblemFieldErrorDocument {
  @ApiProperty({ example: 'purpose' })
  field!: string;

  @ApiProperty({ example: 'міндетті өріс' })
  message!: string;
}

/** RFC 9457 problem details, as the gateway (and the services) write them. */
export class ProblemDocument {
  @ApiProperty({
    example: 'urn:adal-office:problem:validation',
    description: '`about:blank` unless a specific problem',
  })
  type!: string;

  @ApiProperty({ example: 'Сұрау деректері жарамсыз', description: 'In the language of `Content-Language`' })
  title!: string;

  @ApiProperty({ example: 422 })
  status!: number;

  @ApiPropertyOptional({ example: 'purpose: міндетті өріс' })
  detail?: string;

  @ApiPropertyOptional({ example: '/api/v1/bookings/0190d3a4-7b1c-7cc3-a000-000000000001/confirm' })
  instance?: string;

  @ApiPropertyOptional({ type: [ProblemFieldErrorDocument], description: 'Validation problems: one entry per field' })
  errors?: ProblemFieldErrorDocument[];

  @ApiPropertyOptional({ example: '4bf92f3577b34da6a3ce929d0e0e4736', description: 'Quote it to support' })
  traceId?: string;
}

/** An error answer documented as `application/problem+json`. */
export const ApiProblemResponse = (status: number, description: string) =>
  applyDecorators(
    ApiExtraModels(ProblemDocument, ProblemFieldErrorDocument),
    ApiResponse({
      status,
      description,
      content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDocument) } } },
    }),
  );
