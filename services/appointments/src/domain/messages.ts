/**
 * Every user-facing refusal of the appointments domain in Kazakh (the state language), Russian
 * and English, keyed by the stable error code. `MessageCatalogue<DomainErrorCode>` makes the compiler
 * reject a new code without its three texts.
 *
 * Style: short, polite, and saying what to do next. Messages never name the raw field (the UI
 * shows the message next to the field) and placeholders avoid grammatical number, so the same
 * template reads correctly in all three languages for any value.
 */
import { messageRenderer, type MessageCatalogue } from '@adal/domain-kit';
import type { DomainErrorCode } from './shared/domain-error.js';

export const DOMAIN_ERROR_MESSAGES: MessageCatalogue<DomainErrorCode> = {
  FIELD_REQUIRED: {
    kk: 'Бұл өрісті толтыру міндетті.',
    ru: 'Это поле обязательно для заполнения.',
    en: 'This field is required.',
  },
  TEXT_TOO_LONG: {
    kk: 'Мәтін тым ұзын: ең көбі {max} таңба.',
    ru: 'Текст слишком длинный: не более {max} символов.',
    en: 'The text is too long: at most {max} characters.',
  },
  INVALID_ID: {
    kk: 'Идентификатор дұрыс емес.',
    ru: 'Некорректный идентификатор.',
    en: 'The identifier is not valid.',
  },
  INVALID_DATE: {
    kk: 'Күнді ЖЖЖЖ-АА-КК пішімінде көрсетіңіз (мысалы, 2026-03-24).',
    ru: 'Укажите дату в формате ГГГГ-ММ-ДД (например, 2026-03-24).',
    en: 'Enter the date as YYYY-MM-DD (for example, 2026-03-24).',
  },
  INVALID_TIME: {
    kk: 'Уақытты СС:мм пішімінде көрсетіңіз (мысалы, 09:30).',
    ru: 'Укажите время в формате ЧЧ:ММ (например, 09:30).',
    en: 'Enter the time as HH:mm (for example, 09:30).',
  },
  INVALID_INSTANT: {
    kk: 'Уақыт сәтін ISO 8601 пішімінде, уақыт белдеуінің ығысуымен көрсетіңіз (мысалы, 2026-03-24T09:30:00+05:00).',
    ru: 'Укажите момент времени в формате ISO 8601 со смещением часового пояса (например, 2026-03-24T09:30:00+05:00).',
    en: 'Give the moment in ISO 8601 with a time-zone offset (for example, 2026-03-24T09:30:00+05:00).',
  },
  INVALID_CHOICE: {
    kk: 'Рұқсат етілген мәндердің бірін таңдаңыз: {allowed}.',
    ru: 'Выберите одно из допустимых значений: {allowed}.',
    en: 'Choose one of the allowed values: {allowed}.',
  },
  INVALID_NUMBER: {
    kk: 'Бүтін сан көрсетіңіз: ең азы {min}, ең көбі {max}.',
    ru: 'Укажите целое число: не меньше {min} и не больше {max}.',
    en: 'Enter a whole number from {min} to {max}.',
  },
  INVALID_URL: {
    kk: 'Сілтеме https:// деп басталатын дұрыс мекенжай болуы керек.',
    ru: 'Ссылка должна быть корректным адресом, начинающимся с https://.',
    en: 'The link must be a valid address starting with https://.',
  },
  CALENDAR_NOT_COVERED: {
    kk: '{year} жылғы жұмыс күндерінің күнтізбесі әлі енгізілмеген, сондықтан бұл күнді таңдау мүмкін емес.',
    ru: 'Производственный календарь на {year} год ещё не загружен, поэтому эту дату выбрать нельзя.',
    en: 'The working-day calendar for {year} has not been loaded yet, so this date cannot be used.',
  },
  END_BEFORE_START: {
    kk: 'Аяқталу уақыты басталу уақытынан кейін болуы керек.',
    ru: 'Время окончания должно быть позже времени начала.',
    en: 'The end time must be after the start time.',
  },
  OFFICIAL_ALREADY_REGISTERED: {
    kk: 'Бұл лауазымды тұлға бұрыннан тіркелген.',
    ru: 'Это должностное лицо уже зарегистрировано.',
    en: 'This official is already registered.',
  },
  OFFICIAL_NOT_REGISTERED: {
    kk: 'Лауазымды тұлға тіркелмеген.',
    ru: 'Должностное лицо не зарегистрировано.',
    en: 'The official is not registered.',
  },
  HEAD_RECEIVES_WEEKLY: {
    kk: 'Мемлекеттік орган басшысы азаматтарды аптасына бір рет қабылдайды: оған күнделікті қабылдау кестесін белгілеуге болмайды.',
    ru: 'Руководитель государственного органа принимает граждан еженедельно: ежедневный график приёма для него не устанавливается.',
    en: 'The head of an agency receives citizens weekly: a daily reception rule is not allowed for a head.',
  },
  WEEKDAY_NOT_ALLOWED: {
    kk: 'Күнделікті қабылдау барлық жұмыс күндеріне қолданылады: апта күнін көрсетпеңіз.',
    ru: 'Ежедневный приём действует во все рабочие дни: день недели не указывается.',
    en: 'A daily reception applies to every working day: do not give a weekday.',
  },
  SLOT_DOES_NOT_FIT: {
    kk: 'Көрсетілген уақыт аралығына бірде-бір қабылдау сыймайды: бір қабылдаудың ұзақтығын азайтыңыз немесе аралықты ұзартыңыз.',
    ru: 'В указанные часы не помещается ни одного приёма: сократите длительность приёма или расширьте часы.',
    en: 'Not a single slot fits into these hours: shorten the slot or extend the hours.',
  },
  OFFICE_REQUIRED: {
    kk: 'Жеке қабылдау үшін кеңсені көрсетіңіз.',
    ru: 'Для очного приёма укажите офис.',
    en: 'An in-person reception needs an office.',
  },
  VALID_TO_BEFORE_FROM: {
    kk: 'Ереженің қолданылу мерзімі басталмай тұрып аяқтала алмайды.',
    ru: 'Срок действия правила не может закончиться раньше, чем начнётся.',
    en: 'The rule cannot stop applying before it starts.',
  },
  RULE_ALREADY_PUBLISHED: {
    kk: 'Осы идентификатормен қабылдау ережесі бұрыннан жарияланған.',
    ru: 'Правило приёма с таким идентификатором уже опубликовано.',
    en: 'A reception rule with this identifier has already been published.',
  },
  RULE_UNKNOWN: {
    kk: 'Мұндай қабылдау ережесі табылмады.',
    ru: 'Такое правило приёма не найдено.',
    en: 'No such reception rule.',
  },
  HOURS_OVERLAP: {
    kk: 'Бұл уақыт басқа қабылдау уақытымен қабаттасады.',
    ru: 'Эти часы пересекаются с другими часами приёма.',
    en: 'These hours overlap other reception hours.',
  },
  DAY_CANCELLED: {
    kk: 'Бұл күнгі қабылдау болдырылмады.',
    ru: 'Приём в этот день отменён.',
    en: 'Reception on this day has been cancelled.',
  },
  DAY_NOT_OPENED: {
    kk: 'Бұл күнге қабылдау кестесі әлі ашылмаған.',
    ru: 'Расписание приёма на этот день ещё не открыто.',
    en: 'The reception day has not been opened yet.',
  },
  DUPLICATE_SLOT: {
    kk: 'Екі қабылдау бір уақытта басталмауы керек.',
    ru: 'Два приёма не могут начинаться в одно и то же время.',
    en: 'Two slots cannot start at the same time.',
  },
  SLOT_UNKNOWN: {
    kk: 'Бұл күні мұндай қабылдау уақыты жоқ.',
    ru: 'В этот день нет такого времени приёма.',
    en: 'There is no such slot on this day.',
  },
  SLOT_IN_PAST: {
    kk: 'Бұл қабылдау уақыты басталып кетті немесе өтіп кетті. Басқа уақытты таңдаңыз.',
    ru: 'Это время приёма уже началось или прошло. Выберите другое время.',
    en: 'This slot has already started or passed. Please choose another time.',
  },
  SLOT_FULL: {
    kk: 'Бұл уақытқа бос орын қалмады. Басқа уақытты таңдаңыз.',
    ru: 'На это время свободных мест нет. Выберите другое время.',
    en: 'This slot is full. Please choose another time.',
  },
  SLOT_MODE_MISMATCH: {
    kk: 'Жаңа уақыттағы қабылдау түрі (жеке немесе қашықтан) бұрынғыдай болуы керек.',
    ru: 'Новое время должно иметь тот же формат приёма (очно или дистанционно).',
    en: 'The new slot must have the same reception mode (in person or remote).',
  },
  HOLD_EXPIRY_INVALID: {
    kk: 'Орынды сақтау мерзімі қазіргі сәттен кейін аяқталуы керек.',
    ru: 'Срок удержания места должен истекать позже текущего момента.',
    en: 'The hold must expire after the current moment.',
  },
  ALREADY_HELD: {
    kk: 'Бұл жазылу үшін орын бұрыннан сақталған.',
    ru: 'Для этой записи место уже удерживается.',
    en: 'This booking already holds a seat.',
  },
  NOT_HELD: {
    kk: 'Бұл жазылу үшін сақталған орын табылмады.',
    ru: 'Для этой записи нет удерживаемого места.',
    en: 'This booking holds no seat on this day.',
  },
  NOT_BOOKED: {
    kk: 'Тек расталған жазылуды басқа уақытқа ауыстыруға болады.',
    ru: 'Перенести можно только подтверждённую запись.',
    en: 'Only a confirmed booking can be moved.',
  },
  ALREADY_BOOKED: {
    kk: 'Жазылу расталған: оның орнын расталмаған сақтау ретінде босатуға болмайды.',
    ru: 'Запись уже подтверждена: её место нельзя освободить как неподтверждённое.',
    en: 'The booking is already confirmed: its seat cannot be released as an unconfirmed hold.',
  },
  BOOKING_RELEASED: {
    kk: 'Бұл жазылудың орны босатылған.',
    ru: 'Место по этой записи уже освобождено.',
    en: "This booking's seat has already been released.",
  },
  HOLD_EXPIRED: {
    kk: 'Орынды сақтау мерзімі өтіп кетті. Уақытты қайта таңдаңыз.',
    ru: 'Время удержания места истекло. Выберите время заново.',
    en: 'Your hold on this slot has expired. Please choose a time again.',
  },
  HOLD_EXTENSION_LIMIT: {
    kk: 'Орынды сақтау уақытын бұдан әрі ұзартуға болмайды. Жазылуды растаңыз немесе басқа уақытты таңдаңыз.',
    ru: 'Продлить удержание места больше нельзя. Подтвердите запись или выберите другое время.',
    en: 'The hold cannot be extended any further. Please confirm the booking or choose another time.',
  },
  BOOKING_ALREADY_EXISTS: {
    kk: 'Мұндай жазылу бұрыннан бар.',
    ru: 'Такая запись уже существует.',
    en: 'This booking already exists.',
  },
  BOOKING_NOT_FOUND: {
    kk: 'Жазылу табылмады.',
    ru: 'Запись не найдена.',
    en: 'Booking not found.',
  },
  BOOKING_NOT_HELD: {
    kk: 'Жазылу растауды күтіп тұрған жоқ.',
    ru: 'Запись не ожидает подтверждения.',
    en: 'The booking is not awaiting confirmation.',
  },
  BOOKING_NOT_CONFIRMED: {
    kk: 'Бұл әрекет тек расталған жазылу үшін қолжетімді.',
    ru: 'Это действие доступно только для подтверждённой записи.',
    en: 'This is only possible for a confirmed booking.',
  },
  BOOKING_NOT_CANCELLABLE: {
    kk: 'Бұл жазылудан енді бас тартуға болмайды.',
    ru: 'Эту запись уже нельзя отменить.',
    en: 'This booking can no longer be cancelled.',
  },
  HOLD_NOT_EXPIRED: {
    kk: 'Орынды сақтау мерзімі әлі аяқталған жоқ.',
    ru: 'Срок удержания места ещё не истёк.',
    en: 'The hold has not expired yet.',
  },
  CHANNEL_MISMATCH: {
    kk: 'Таңдалған уақыт бұл қабылдау түріне сәйкес келмейді: жеке қабылдауға жеке, қашықтан қабылдауға қашықтан өтетін уақытты таңдаңыз.',
    ru: 'Выбранное время не подходит для этого формата: для очного приёма выберите очное время, для дистанционного — дистанционное.',
    en: 'The chosen slot does not match this channel: in-person bookings need an in-person slot, remote bookings a remote one.',
  },
  JOIN_URL_REQUIRED: {
    kk: 'Қашықтан қабылдау үшін бейнебайланысқа қосылу сілтемесі қажет.',
    ru: 'Для дистанционного приёма нужна ссылка на видеосвязь.',
    en: 'A remote reception needs a video link.',
  },
  CANCELLATION_TOO_LATE: {
    kk: 'Жазылудан қабылдау басталғанға дейін кемінде {minutes} минут бұрын ғана бас тартуға болады.',
    ru: 'Отменить запись можно не позднее чем за {minutes} мин. до начала приёма.',
    en: 'A booking can only be cancelled at least {minutes} minutes before the reception starts.',
  },
  RECEPTION_ALREADY_STARTED: {
    kk: 'Қабылдау басталып кетті.',
    ru: 'Приём уже начался.',
    en: 'The reception has already started.',
  },
  RECEPTION_NOT_STARTED: {
    kk: 'Қабылдау уақыты әлі келген жоқ.',
    ru: 'Время приёма ещё не наступило.',
    en: 'The reception time has not come yet.',
  },
  SAME_SLOT: {
    kk: 'Жаңа уақыт қазіргі уақытпен бірдей.',
    ru: 'Новое время совпадает с текущим.',
    en: 'The new time is the same as the current one.',
  },
  NOT_REMOTE: {
    kk: 'Бұл әрекет тек қашықтан қабылдау үшін қолжетімді.',
    ru: 'Это действие доступно только для дистанционного приёма.',
    en: 'This is only possible for a remote reception.',
  },
  RECEPTION_NOT_IN_PROGRESS: {
    kk: 'Қабылдау қазір жүріп жатқан жоқ.',
    ru: 'Приём сейчас не идёт.',
    en: 'The reception is not in progress.',
  },
  RECEPTION_ALREADY_COMPLETED: {
    kk: 'Қабылдау аяқталып, нәтижесі жазылып қойған.',
    ru: 'Приём уже завершён, его итог записан.',
    en: 'The reception is already completed and its outcome recorded.',
  },
  RECEPTION_NOT_COMPLETED: {
    kk: 'Қабылдау аяқталғаннан кейін ғана өтініш беруге болады.',
    ru: 'Обращение можно подать только после завершения приёма.',
    en: 'A follow-up appeal is only possible after the reception is completed.',
  },
  FOLLOW_UP_ALREADY_REQUESTED: {
    kk: 'Бұл қабылдау бойынша өтініш бұрыннан сұралған.',
    ru: 'Обращение по этому приёму уже запрошено.',
    en: 'A follow-up appeal for this reception has already been requested.',
  },
  LIMIT_PER_OFFICIAL: {
    kk: 'Шектеу: бір лауазымды тұлғаның қабылдауына {days} күн ішінде ең көбі {limit} белсенді жазылу болуы мүмкін (сізде {date} күнге жазылу бар).',
    ru: 'Превышен лимит активных записей к одному должностному лицу ({limit} на {days} дн.): у вас уже есть запись на {date}.',
    en: 'Limit reached: active bookings with the same official are limited to {limit} per {days} days (you already have one on {date}).',
  },
  LIMIT_PER_DAY: {
    kk: 'Шектеу: бір күнге ең көбі {limit} қабылдауға жазылуға болады (күні: {date}).',
    ru: 'Превышен лимит записей на один день ({limit} в день, дата {date}).',
    en: 'Limit reached: bookings are limited to {limit} per day ({date}).',
  },
  DATE_IN_PAST: {
    kk: 'Өткен күнге жазылуға болмайды.',
    ru: 'Нельзя записаться на прошедшую дату.',
    en: 'You cannot book a date in the past.',
  },
  RESERVATION_CONFLICT: {
    kk: 'Бұл жазылу басқа күнге немесе басқа лауазымды тұлғаға тіркелген.',
    ru: 'Эта запись уже зарегистрирована на другую дату или к другому должностному лицу.',
    en: 'This booking is already reserved for another date or official.',
  },
  RESERVATION_NOT_FOUND: {
    kk: 'Белсенді жазылу табылмады.',
    ru: 'Активная запись не найдена.',
    en: 'No active reservation was found.',
  },
};

const messages = messageRenderer(DOMAIN_ERROR_MESSAGES);

/** The message for a code in one language, with `{name}` placeholders filled from `params`. */
export const renderMessage = messages.render;

/** All three languages at once, e.g. for a problem+json body or a notification. */
export const localizedMessage = messages.localized;
