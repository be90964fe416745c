/**
 * Refusals of the application layer (the import format, cross-stream lookups), next to the
 * domain's: same shape (a stable code, the field, kk/ru/en texts), so the HTTP edge and the
 * import report treat both alike.
 */
import {
  DomainError,
  isDomainError,
  type DomainErrorKind,
  type Language,
  type LocalizedText,
} from '../domain/index.js';

export const APPLICATION_ERROR_KINDS = {
  PROGRAMME_NOT_FOUND: 'not_found',
  COLUMN_MISSING: 'invalid',
  COLUMN_DUPLICATE: 'invalid',
  FIELD_COUNT: 'invalid',
  CSV_UNEXPECTED_QUOTE: 'invalid',
  CSV_TEXT_AFTER_QUOTE: 'invalid',
  CSV_UNTERMINATED_QUOTE: 'invalid',
  CSV_RECORD_TOO_LONG: 'invalid',
  INVALID_ENCODING: 'invalid',
  EMPTY_FILE: 'invalid',
} as const satisfies Record<string, DomainErrorKind>;

export type ApplicationErrorCode = keyof typeof APPLICATION_ERROR_KINDS;

const MESSAGES: Record<ApplicationErrorCode, LocalizedText> = {
  PROGRAMME_NOT_FOUND: {
    kk: 'Бюджеттік бағдарлама тіркелмеген: алдымен оны тіркеңіз.',
    ru: 'Бюджетная программа не зарегистрирована: сначала зарегистрируйте её.',
    en: 'The budget programme is not registered: register it first.',
  },
  COLUMN_MISSING: {
    kk: 'Файлдың тақырып жолында «{column}» бағаны жоқ.',
    ru: 'В строке заголовков файла нет столбца «{column}».',
    en: 'The header row of the file has no "{column}" column.',
  },
  COLUMN_DUPLICATE: {
    kk: '«{column}» бағаны тақырып жолында екі рет кездеседі.',
    ru: 'Столбец «{column}» встречается в строке заголовков дважды.',
    en: 'The "{column}" column appears twice in the header row.',
  },
  FIELD_COUNT: {
    kk: 'Жолда {found} өріс бар, ал тақырып жолында {expected} баған.',
    ru: 'В строке {found} полей, а в строке заголовков {expected} столбцов.',
    en: 'The row has {found} fields but the header row has {expected} columns.',
  },
  CSV_UNEXPECTED_QUOTE: {
    kk: 'Тырнақшасыз өрістің ішінде тырнақша тұр: мұндай өрісті тұтастай тырнақшаға алып, ішіндегі тырнақшаны қосарлаңыз.',
    ru: 'Кавычка внутри поля без кавычек: заключите такое поле в кавычки, а кавычки внутри удвойте.',
    en: 'A quote inside an unquoted field: put such a field in quotes and double the quotes inside it.',
  },
  CSV_TEXT_AFTER_QUOTE: {
    kk: 'Жабылатын тырнақшадан кейін үтір немесе жол соңы болуы керек.',
    ru: 'После закрывающей кавычки должна идти запятая или конец строки.',
    en: 'A closing quote must be followed by a comma or the end of the line.',
  },
  CSV_UNTERMINATED_QUOTE: {
    kk: 'Тырнақша файлдың соңына дейін жабылмаған.',
    ru: 'Кавычка не закрыта до конца файла.',
    en: 'A quote is not closed before the end of the file.',
  },
  CSV_RECORD_TOO_LONG: {
    kk: 'Жол тым ұзын: ең көбі {max} таңба.',
    ru: 'Строка слишком длинная: не более {max} символов.',
    en: 'The row is too long: at most {max} characters.',
  },
  INVALID_ENCODING: {
    kk: 'Өрісте UTF-8 емес байттар бар: файлды UTF-8 кодтауында сақтаңыз.',
    ru: 'В поле есть байты не в UTF-8: сохраните файл в кодировке UTF-8.',
    en: 'The field holds bytes that are not UTF-8: save the file as UTF-8.',
  },
  EMPTY_FILE: {
    kk: 'Файл бос: тақырып жолы мен кемінде бір жол қажет.',
    ru: 'Файл пуст: нужна строка заголовков и хотя бы одна строка данных.',
    en: 'The file is empty: a header row and at least one data row are needed.',
  },
};

export type MessageParams = Readonly<Record<string, string | number>>;

const render = (template: string, params: MessageParams): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));

export class ApplicationError extends Error {
  readonly kind: DomainErrorKind;
  readonly field?: string;

  constructor(
    readonly code: ApplicationErrorCode,
    options: { field?: string; params?: MessageParams } = {},
    readonly params: MessageParams = options.params ?? {},
  ) {
    super(render(MESSAGES[code].en, options.params ?? {}));
    this.name = 'ApplicationError';
    this.kind = APPLICATION_ERROR_KINDS[code];
    if (options.field !== undefined) this.field = options.field;
  }

  messageIn(language: Language): string {
    return render(MESSAGES[this.code][language], this.params);
  }
}

/** A refusal of either layer: what the HTTP edge and the import report turn into answers. */
export type Refusal = DomainError | ApplicationError;

export const isRefusal = (error: unknown): error is Refusal =>
  isDomainError(error) || error instanceof ApplicationError;

/** A refusal's text in the three languages. */
export const messagesOf = (refusal: Refusal): LocalizedText => ({
  kk: refusal.messageIn('kk'),
  ru: refusal.messageIn('ru'),
  en: refusal.messageIn('en'),
});
