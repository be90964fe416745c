import type { Language } from './language.js';

/** One text in each language. `{name}` marks a parameter. */
export type LocalizedText = Record<Language, string>;

/** Every user-facing text the gateway itself writes (services localise their own). */
export const MESSAGES = {
  // ---- problem titles, by status ----
  'title.400': { kk: 'Сұрау дұрыс емес', ru: 'Некорректный запрос', en: 'Bad request' },
  'title.401': { kk: 'Жүйеге кіру қажет', ru: 'Требуется вход в систему', en: 'Sign-in required' },
  'title.403': { kk: 'Рұқсат жоқ', ru: 'Доступ запрещён', en: 'Forbidden' },
  'title.404': { kk: 'Табылмады', ru: 'Не найдено', en: 'Not found' },
  'title.405': { kk: 'Әдіс рұқсат етілмеген', ru: 'Метод не разрешён', en: 'Method not allowed' },
  'title.409': { kk: 'Қайшылық', ru: 'Конфликт', en: 'Conflict' },
  'title.413': { kk: 'Сұрау тым үлкен', ru: 'Запрос слишком велик', en: 'Request too large' },
  'title.415': { kk: 'Қолдау көрсетілмейтін пішім', ru: 'Неподдерживаемый формат', en: 'Unsupported media type' },
  'title.422': {
    kk: 'Сұрау деректері жарамсыз',
    ru: 'Данные запроса недействительны',
    en: 'Your request is not valid',
  },
  'title.429': { kk: 'Сұраулар тым көп', ru: 'Слишком много запросов', en: 'Too many requests' },
  'title.500': { kk: 'Ішкі қате', ru: 'Внутренняя ошибка', en: 'Internal error' },
  'title.501': { kk: 'Әлі іске асырылмаған', ru: 'Ещё не реализовано', en: 'Not implemented' },
  'title.502': { kk: 'Қызметтің жауабы жарамсыз', ru: 'Некорректный ответ сервиса', en: 'Bad gateway' },
  'title.503': {
    kk: 'Қызмет уақытша қолжетімсіз',
    ru: 'Сервис временно недоступен',
    en: 'Service temporarily unavailable',
  },
  'title.504': { kk: 'Қызмет уақытында жауап бермеді', ru: 'Сервис не ответил вовремя', en: 'Gateway timeout' },
  'title.error': { kk: 'Қате', ru: 'Ошибка', en: 'Error' },

  // ---- problem details ----
  'detail.signInRequired': {
    kk: 'Бұл әрекет үшін жүйеге кіріңіз.',
    ru: 'Для этого действия войдите в систему.',
    en: 'Sign in to do this.',
  },
  'detail.tokenInvalid': {
    kk: 'Кіру токені жарамсыз. Жүйеге қайта кіріңіз.',
    ru: 'Токен доступа недействителен. Войдите снова.',
    en: 'The access token is not valid. Sign in again.',
  },
  'detail.tokenExpired': {
    kk: 'Кіру токенінің мерзімі өтті. Жүйеге қайта кіріңіз.',
    ru: 'Срок действия токена доступа истёк. Войдите снова.',
    en: 'The access token has expired. Sign in again.',
  },
  'detail.roleNotAllowed': {
    kk: 'Сіздің рөліңізге бұл әрекетке рұқсат жоқ.',
    ru: 'Вашей роли это действие не разрешено.',
    en: 'Your role is not allowed to do this.',
  },
  'detail.ownScheduleOnly': {
    kk: 'Сіз тек өз қабылдау кестеңізді басқара аласыз.',
    ru: 'Вы можете управлять только своим графиком приёма.',
    en: 'You can only manage your own reception schedule.',
  },
  'detail.noSuchRoute': {
    kk: 'Мұндай мекенжай жоқ: {method} {path}.',
    ru: 'Такого адреса нет: {method} {path}.',
    en: 'There is no such route: {method} {path}.',
  },
  'detail.devSignInOff': {
    kk: 'Әзірлеуге арналған кіру өшірілген.',
    ru: 'Вход для разработки отключён.',
    en: 'Development sign-in is turned off.',
  },
  'detail.oidcNotImplemented': {
    kk: 'Сәйкестендіру провайдері арқылы кіру бұл шлюзде әлі іске асырылмаған.',
    ru: 'Вход через провайдера идентификации в этом шлюзе ещё не реализован.',
    en: 'Sign-in through the identity provider is not implemented in this gateway yet.',
  },
  'detail.malformedJson': {
    kk: 'Сұрау денесі жарамды JSON емес.',
    ru: 'Тело запроса не является корректным JSON.',
    en: 'The request body is not valid JSON.',
  },
  'detail.malformedUrl': {
    kk: 'Мекенжайда қате кодталған таңба бар.',
    ru: 'В адресе есть неправильно закодированный символ.',
    en: 'The address has a badly encoded character.',
  },
  'detail.bodyTooLarge': {
    kk: 'Сұрау денесі тым үлкен.',
    ru: 'Тело запроса слишком велико.',
    en: 'The request body is too large.',
  },
  'detail.jsonOnly': {
    kk: 'Сұрау денесін JSON түрінде жіберіңіз (Content-Type: application/json).',
    ru: 'Отправьте тело запроса в формате JSON (Content-Type: application/json).',
    en: 'Send the request body as JSON (Content-Type: application/json).',
  },
  'detail.csvOnly': {
    kk: 'Файлды CSV түрінде жіберіңіз (Content-Type: text/csv).',
    ru: 'Отправьте файл в формате CSV (Content-Type: text/csv).',
    en: 'Send the file as CSV (Content-Type: text/csv).',
  },
  'detail.oneFieldInvalid': { kk: '{field}: {message}', ru: '{field}: {message}', en: '{field}: {message}' },
  'detail.fieldsInvalid': {
    kk: 'Жарамсыз өрістер саны: {count}.',
    ru: 'Недействительных полей: {count}.',
    en: '{count} fields are not valid.',
  },
  'detail.tooManyRequests': {
    kk: 'Сұраулар тым жиі. {seconds} секундтан кейін қайталаңыз.',
    ru: 'Слишком частые запросы. Повторите через {seconds} с.',
    en: 'Too many requests. Try again in {seconds} s.',
  },
  'detail.serviceUnavailable': {
    kk: 'Қызмет қазір жауап бермейді. {seconds} секундтан кейін қайталаңыз.',
    ru: 'Сервис сейчас не отвечает. Повторите через {seconds} с.',
    en: 'The service is not answering right now. Try again in {seconds} s.',
  },
  'detail.serviceTimeout': {
    kk: 'Қызмет уақытында жауап бермеді. Әрекеттің орындалғанын тексеріп, қайталаңыз.',
    ru: 'Сервис не ответил вовремя. Проверьте, выполнено ли действие, и повторите.',
    en: 'The service did not answer in time. Check whether the action took effect, then retry.',
  },
  'detail.badGateway': {
    kk: 'Қызмет күтпеген жауап қайтарды.',
    ru: 'Сервис вернул неожиданный ответ.',
    en: 'The service gave an unexpected answer.',
  },
  'detail.internal': {
    kk: 'Бізде қате шықты. Қайталанса, trace id-ді қолдау қызметіне хабарлаңыз.',
    ru: 'У нас произошла ошибка. Если она повторится, сообщите поддержке trace id.',
    en: 'Something went wrong on our side. If it keeps happening, quote the trace id.',
  },
  'detail.routeNotConfigured': {
    kk: 'Бұл мекенжайға қол жеткізу ережесі берілмеген.',
    ru: 'Для этого адреса не задано правило доступа.',
    en: 'No access rule is declared for this route.',
  },

  // ---- field messages ----
  'field.required': { kk: 'міндетті өріс', ru: 'обязательное поле', en: 'is required' },
  'field.unknown': { kk: 'белгісіз өріс', ru: 'неизвестное поле', en: 'is not a known field' },
  'field.object': { kk: 'JSON нысаны болуы керек', ru: 'должно быть объектом JSON', en: 'must be a JSON object' },
  'field.string': { kk: 'мәтін болуы керек', ru: 'должно быть строкой', en: 'must be a string' },
  'field.integer': { kk: 'бүтін сан болуы керек', ru: 'должно быть целым числом', en: 'must be an integer' },
  'field.notBlank': { kk: 'бос болмауы керек', ru: 'не должно быть пустым', en: 'must not be blank' },
  'field.controlCharacters': {
    kk: 'басқару таңбалары болмауы керек',
    ru: 'не должно содержать управляющих символов',
    en: 'must not contain control characters',
  },
  'field.date': {
    kk: 'ЖЖЖЖ-АА-КК пішіміндегі нақты күн болуы керек',
    ru: 'должно быть реальной датой в формате ГГГГ-ММ-ДД',
    en: 'must be a real date in YYYY-MM-DD format',
  },
  'field.time': {
    kk: 'СС:мм пішіміндегі уақыт болуы керек (00:00–23:59)',
    ru: 'должно быть временем в формате ЧЧ:мм (00:00–23:59)',
    en: 'must be a time in HH:mm format (00:00–23:59)',
  },
  'field.oneOf': {
    kk: 'мына мәндердің бірі болуы керек: {values}',
    ru: 'должно быть одним из: {values}',
    en: 'must be one of: {values}',
  },
  'field.length': {
    kk: 'ұзындығы {min}–{max} таңба болуы керек',
    ru: 'длина должна быть от {min} до {max} символов',
    en: 'must be {min} to {max} characters long',
  },
  'field.range': {
    kk: '{min}–{max} аралығындағы бүтін сан болуы керек',
    ru: 'должно быть целым числом от {min} до {max}',
    en: 'must be an integer from {min} to {max}',
  },
  'field.identifier': {
    kk: 'идентификатор болуы керек (әріптер, цифрлар, «-», «_»; 64 таңбаға дейін)',
    ru: 'должно быть идентификатором (латинские буквы, цифры, «-», «_»; до 64 символов)',
    en: 'must be an identifier (letters, digits, "-", "_"; up to 64 characters)',
  },
  'field.uuid': { kk: 'UUID болуы керек', ru: 'должно быть UUID', en: 'must be a UUID' },
  'field.after': {
    kk: '«{other}» мәнінен кейін болуы керек',
    ru: 'должно быть позже «{other}»',
    en: 'must be later than {other}',
  },
  'field.notBefore': {
    kk: '«{other}» мәнінен бұрын болмауы керек',
    ru: 'не должно быть раньше «{other}»',
    en: 'must not be before {other}',
  },
  'field.maxDays': {
    kk: 'кезең {max} күннен аспауы керек',
    ru: 'период не должен превышать {max} дней',
    en: 'the period must not be longer than {max} days',
  },
  'field.onlyWhen': {
    kk: 'тек {other} = {value} болғанда рұқсат етіледі',
    ru: 'допускается только при {other} = {value}',
    en: 'is only allowed when {other} is {value}',
  },
  'field.requiredWhen': {
    kk: '{other} = {value} болғанда міндетті',
    ru: 'обязательно при {other} = {value}',
    en: 'is required when {other} is {value}',
  },
  'field.array': { kk: 'JSON массиві болуы керек', ru: 'должно быть массивом JSON', en: 'must be a JSON array' },
  'field.items': {
    kk: '{min}–{max} элементтен тұруы керек',
    ru: 'должно содержать от {min} до {max} элементов',
    en: 'must have {min} to {max} items',
  },
  'field.ticketPrefix': {
    kk: 'бір немесе екі бас латын әрпі болуы керек (мысалы, A)',
    ru: 'должно состоять из одной или двух заглавных латинских букв (например, A)',
    en: 'must be one or two capital Latin letters (e.g. A)',
  },
  'field.closingTime': {
    kk: 'СС:мм пішіміндегі уақыт немесе 24:00 болуы керек',
    ru: 'должно быть временем в формате ЧЧ:мм или 24:00',
    en: 'must be a time in HH:mm format, or 24:00',
  },
  'field.pattern': {
    kk: '{example} түрінде болуы керек',
    ru: 'должно иметь вид {example}',
    en: 'must look like {example}',
  },
  'field.digits': {
    kk: '{count} цифрдан тұруы керек',
    ru: 'должно состоять из {count} цифр',
    en: 'must be {count} digits',
  },
  'field.transactionId': {
    kk: '1–64 таңба болуы керек: латын әріптері, цифрлар, «.», «_», «:», «/», «-»',
    ru: 'должно содержать 1–64 символа: латинские буквы, цифры, «.», «_», «:», «/», «-»',
    en: 'must be 1 to 64 of: letters, digits, ".", "_", ":", "/", "-"',
  },
  'field.amount': {
    kk: 'тиынмен оң бүтін сан болуы керек, мәтін түрінде (мысалы, "150000000")',
    ru: 'должно быть положительным целым числом тиынов в виде строки (например, "150000000")',
    en: 'must be a positive whole number of tiyn, as a string (e.g. "150000000")',
  },
  'field.delta': {
    kk: 'тиынмен нөлден өзге бүтін сан болуы керек, мәтін түрінде (мысалы, "-5000000")',
    ru: 'должно быть ненулевым целым числом тиынов в виде строки (например, "-5000000")',
    en: 'must be a non-zero whole number of tiyn, as a string (e.g. "-5000000")',
  },
  'field.requiredFor': {
    kk: '{other} мына мәндердің бірі болғанда міндетті: {values}',
    ru: 'обязательно, когда {other} — одно из: {values}',
    en: 'is required when {other} is one of: {values}',
  },
  'field.onlyFor': {
    kk: 'тек {other} мына мәндердің бірі болғанда рұқсат етіледі: {values}',
    ru: 'допускается, только когда {other} — одно из: {values}',
    en: 'is only allowed when {other} is one of: {values}',
  },
  'field.unknownDemoUser': {
    kk: 'мұндай демо-пайдаланушы жоқ',
    ru: 'такого демо-пользователя нет',
    en: 'no demo user has this id',
  },
} as const satisfies Record<string, LocalizedText>;

export type MessageKey = keyof typeof MESSAGES;

export type MessageParams = Record<string, string | number>;

/** The text of `key` in `language`, with `{name}` parameters filled in. */
export const translate = (key: MessageKey, language: Language, params: MessageParams = {}): string =>
  MESSAGES[key][language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );

/** The title of a problem with this status. */
export const statusTitle = (status: number, language: Language): string => {
  const key = `title.${status}`;
  return key in MESSAGES ? translate(key as MessageKey, language) : translate('title.error', language);
};
