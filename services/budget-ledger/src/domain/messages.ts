/**
 * The texts of every domain refusal in Kazakh, Russian and English. Amounts in `{...}` params are
 * tenge with two decimals (`formatTenge`), never raw tiyn: people read them.
 */
import type { DomainErrorCode, MessageParams } from './shared/domain-error.js';
import type { Language, LocalizedText } from './shared/vocabulary.js';

export const DOMAIN_ERROR_MESSAGES: Record<DomainErrorCode, LocalizedText> = {
  FIELD_REQUIRED: {
    kk: 'Бұл өрісті толтырыңыз.',
    ru: 'Заполните это поле.',
    en: 'Fill in this field.',
  },
  TEXT_TOO_LONG: {
    kk: 'Мәтін тым ұзын: ең көбі {max} таңба.',
    ru: 'Текст слишком длинный: не более {max} символов.',
    en: 'The text is too long: at most {max} characters.',
  },
  INVALID_CHOICE: {
    kk: 'Рұқсат етілген мәндердің бірін таңдаңыз: {allowed}.',
    ru: 'Выберите одно из допустимых значений: {allowed}.',
    en: 'Choose one of the allowed values: {allowed}.',
  },
  INVALID_ID: {
    kk: 'Идентификатор 1–64 таңбадан тұруы керек: латын әріптері, цифрлар және . _ : / - белгілері.',
    ru: 'Идентификатор — от 1 до 64 символов: латинские буквы, цифры и знаки . _ : / -.',
    en: 'An identifier is 1 to 64 characters: Latin letters, digits and . _ : / -.',
  },
  INVALID_DATE: {
    kk: 'Күнді ЖЖЖЖ-АА-КК пішімінде көрсетіңіз (мысалы, 2026-02-14).',
    ru: 'Укажите дату в формате ГГГГ-ММ-ДД (например, 2026-02-14).',
    en: 'Enter the date as YYYY-MM-DD (for example, 2026-02-14).',
  },
  INVALID_YEAR: {
    kk: 'Қаржы жылын {min} мен {max} аралығындағы төрт таңбалы сан түрінде көрсетіңіз.',
    ru: 'Укажите финансовый год — четырёхзначное число от {min} до {max}.',
    en: 'Enter the fiscal year as a four-digit number from {min} to {max}.',
  },
  INVALID_BIN: {
    kk: 'БСН 12 цифрдан тұрады: тіркелген жыл мен ай (01–12), ұйым түрі (4, 5 немесе 6) және дұрыс бақылау саны.',
    ru: 'БИН состоит из 12 цифр: год и месяц регистрации (01–12), тип организации (4, 5 или 6) и верная контрольная цифра.',
    en: 'A BIN is 12 digits: the year and month (01-12) of registration, the entity type (4, 5 or 6) and a valid check digit.',
  },
  BIN_IS_PERSONAL_IIN: {
    kk: 'Бұл жеке тұлғаның ЖСН-іне ұқсайды: тек бизнес-сәйкестендіру нөмірі (БСН) қабылданады.',
    ru: 'Это похоже на ИИН физического лица: принимается только бизнес-идентификационный номер (БИН).',
    en: 'This looks like a personal IIN; only a business identification number (BIN) is accepted.',
  },
  TEXT_FORMULA_START: {
    kk: 'Мәтін =, +, -, @, табуляция немесе жол қайтару белгісінен басталмауы керек (кестеде формула болып оқылады).',
    ru: 'Текст не должен начинаться с =, +, -, @, табуляции или возврата каретки (в таблице это читается как формула).',
    en: 'The text must not start with =, +, -, @, a tab or a carriage return (a spreadsheet reads it as a formula).',
  },
  INVALID_REGION: {
    kk: 'Мұндай өңір жоқ: Қазақстанның 20 өңірінің бірін таңдаңыз.',
    ru: 'Такого региона нет: выберите один из 20 регионов Казахстана.',
    en: 'No such region: choose one of the 20 regions of Kazakhstan.',
  },
  INVALID_CODE: {
    kk: 'Бюджеттік сыныптама коды үш цифрдан тұруы керек (мысалы, 001).',
    ru: 'Код бюджетной классификации — три цифры (например, 001).',
    en: 'A budget classification code is three digits (for example, 001).',
  },
  INVALID_FUNCTIONAL_GROUP: {
    kk: 'Функционалдық топ 01-ден 13-ке дейінгі екі таңбалы код болуы керек.',
    ru: 'Функциональная группа — двузначный код от 01 до 13.',
    en: 'A functional group is a two-digit code from 01 to 13.',
  },
  INVALID_LINE_ID: {
    kk: 'Бюджет жолының идентификаторы БСН-бағдарлама коды-жыл пішімінде болуы керек (мысалы, 970240000126-253001000-2026).',
    ru: 'Идентификатор бюджетной строки имеет вид БИН-код программы-год (например, 970240000126-253001000-2026).',
    en: 'A budget line id is BIN-programme code-year (for example, 970240000126-253001000-2026).',
  },
  INVALID_AMOUNT: {
    kk: 'Соманы тиынмен бүтін сан түрінде көрсетіңіз.',
    ru: 'Укажите сумму целым числом в тиынах.',
    en: 'Enter the amount as a whole number of tiyn.',
  },
  AMOUNT_NOT_POSITIVE: {
    kk: 'Сома нөлден үлкен болуы керек.',
    ru: 'Сумма должна быть больше нуля.',
    en: 'The amount must be greater than zero.',
  },
  AMOUNT_TOO_LARGE: {
    kk: 'Сома тым үлкен: ең көбі {max} ₸.',
    ru: 'Сумма слишком велика: не более {max} ₸.',
    en: 'The amount is too large: at most {max} ₸.',
  },
  DELTA_ZERO: {
    kk: 'Өзгеріс нөлге тең болмауы керек: қосылатын соманы оң, азайтылатын соманы теріс санмен көрсетіңіз.',
    ru: 'Изменение не может быть нулевым: увеличение укажите положительным числом, уменьшение — отрицательным.',
    en: 'The change cannot be zero: give an increase as a positive number and a cut as a negative one.',
  },
  DATE_OUTSIDE_FISCAL_YEAR: {
    kk: 'Күн {year} қаржы жылының ішінде болуы керек.',
    ru: 'Дата должна входить в {year} финансовый год.',
    en: 'The date must fall within the fiscal year {year}.',
  },
  INSTITUTION_NOT_FOUND: {
    kk: 'Мұндай БСН-мен мекеме тіркелмеген.',
    ru: 'Учреждение с таким БИН не зарегистрировано.',
    en: 'No institution is registered with this BIN.',
  },
  INSTITUTION_EXISTS: {
    kk: 'Бұл БСН-мен мекеме басқа деректермен тіркелген: атауды түзету үшін түзету әрекетін қолданыңыз, өңір мен деңгей өзгермейді.',
    ru: 'Учреждение с этим БИН уже зарегистрировано с другими данными: название исправляется отдельной командой, регион и уровень не меняются.',
    en: 'An institution with this BIN is already registered with other data: correct its name instead; region and level never change.',
  },
  PROGRAMME_EXISTS: {
    kk: 'Бұл кодпен бюджеттік бағдарлама басқа деректермен тіркелген.',
    ru: 'Бюджетная программа с этим кодом уже зарегистрирована с другими данными.',
    en: 'A budget programme with this code is already registered with other data.',
  },
  LINE_NOT_OPENED: {
    kk: 'Бұл бюджет жолы әлі ашылмаған: алдымен қаражат бөлуді бекітіңіз.',
    ru: 'Эта бюджетная строка ещё не открыта: сначала утвердите ассигнования.',
    en: 'This budget line is not open yet: approve its allocation first.',
  },
  ALLOCATION_ALREADY_APPROVED: {
    kk: 'Бұл жолға қаражат бөлу бекітілген: өзгерту үшін түзету енгізіңіз.',
    ru: 'Ассигнования по этой строке уже утверждены: для изменения внесите поправку.',
    en: 'The allocation of this line is already approved: amend it instead.',
  },
  ALLOCATION_NEGATIVE: {
    kk: 'Түзетуден кейін бөлінген қаражат теріс болып қалады (қазір: {allocation} ₸).',
    ru: 'После поправки ассигнования станут отрицательными (сейчас: {allocation} ₸).',
    en: 'The amendment would make the allocation negative (now: {allocation} ₸).',
  },
  ALLOCATION_BELOW_COMMITTED: {
    kk: 'Бөлінген қаражат қабылданған міндеттемелерден ({committed} ₸) аз болмауы керек.',
    ru: 'Ассигнования не могут быть меньше принятых обязательств ({committed} ₸).',
    en: 'The allocation cannot fall below the open commitments ({committed} ₸).',
  },
  ALLOCATION_EXCEEDED: {
    kk: 'Міндеттеме бөлінген қаражаттан асып кетеді: қолжетімді қалдық {available} ₸.',
    ru: 'Обязательство превышает ассигнования: доступный остаток {available} ₸.',
    en: 'The commitment exceeds the allocation: {available} ₸ is available.',
  },
  COMMITMENT_NOT_FOUND: {
    kk: 'Бұл жолда мұндай міндеттеме жоқ.',
    ru: 'В этой строке нет такого обязательства.',
    en: 'This line has no such commitment.',
  },
  COMMITMENT_EXISTS: {
    kk: 'Мұндай идентификатормен міндеттеме бұрыннан тіркелген.',
    ru: 'Обязательство с таким идентификатором уже зарегистрировано.',
    en: 'A commitment with this identifier is already registered.',
  },
  COMMITMENT_CANCELLED: {
    kk: 'Бұл міндеттеме жойылған.',
    ru: 'Это обязательство отменено.',
    en: 'This commitment has been cancelled.',
  },
  COMMITMENT_FULLY_PAID: {
    kk: 'Міндеттеме толық төленген: босатылатын қалдық жоқ.',
    ru: 'Обязательство оплачено полностью: высвобождать нечего.',
    en: 'The commitment is fully paid: there is nothing left to release.',
  },
  REDUCTION_BELOW_PAID: {
    kk: 'Міндеттемені төленген сомадан ({paid} ₸) төмен азайтуға болмайды: ең көбі {max} ₸ азайтуға болады.',
    ru: 'Нельзя уменьшить обязательство ниже оплаченного ({paid} ₸): уменьшение не более {max} ₸.',
    en: 'A commitment cannot go below what has been paid on it ({paid} ₸): reduce it by at most {max} ₸.',
  },
  PAYMENT_EXISTS: {
    kk: 'Мұндай идентификатормен төлем бұрыннан тіркелген.',
    ru: 'Платёж с таким идентификатором уже зарегистрирован.',
    en: 'A payment with this identifier is already recorded.',
  },
  PAYMENT_EXCEEDS_COMMITMENT: {
    kk: 'Төлем міндеттемеден асып кетеді: төленбеген қалдық {unpaid} ₸.',
    ru: 'Платёж превышает обязательство: неоплаченный остаток {unpaid} ₸.',
    en: 'The payment exceeds the commitment: {unpaid} ₸ is unpaid.',
  },
};

/** The message for a code in one language, with `{name}` placeholders filled from `params`. */
export const renderMessage = (code: DomainErrorCode, language: Language, params: MessageParams = {}): string => {
  const template = DOMAIN_ERROR_MESSAGES[code][language];
  return template.replace(/\{([a-zA-Z]+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
};

/** All three languages at once, e.g. for a problem+json body or an import report row. */
export const localizedMessage = (code: DomainErrorCode, params: MessageParams = {}): LocalizedText => ({
  kk: renderMessage(code, 'kk', params),
  ru: renderMessage(code, 'ru', params),
  en: renderMessage(code, 'en', params),
});
