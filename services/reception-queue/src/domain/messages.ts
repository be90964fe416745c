/**
 * Every user-facing refusal of the reception-queue domain in Kazakh (the state language), Russian
 * and English, keyed by the stable error code. `MessageCatalogue<DomainErrorCode>` makes the compiler
 * reject a new code without its three texts.
 *
 * Style: short, polite, saying what to do next. Messages never name the raw field (the UI shows
 * the message next to it) and placeholders avoid grammatical number.
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
  INVALID_DRAW: {
    kk: 'Кездейсоқ таңдау 0-ден 1-ге дейінгі сан болуы керек (1 кірмейді).',
    ru: 'Случайный жребий должен быть числом от 0 до 1 (не включая 1).',
    en: 'The random draw must be a number from 0 up to, but not including, 1.',
  },
  INVALID_PREFIX: {
    kk: 'Талон префиксі бір немесе екі бас латын әрпінен тұруы керек.',
    ru: 'Префикс талона — одна или две заглавные латинские буквы.',
    en: 'A ticket prefix is one or two capital Latin letters (for example, A).',
  },
  DUPLICATE_ID: {
    kk: 'Бұл идентификатор тізімде бірнеше рет кездеседі.',
    ru: 'Этот идентификатор встречается в списке несколько раз.',
    en: 'This identifier appears more than once in the list.',
  },
  DUPLICATE_PREFIX: {
    kk: 'Екі қызметтің талон префиксі бірдей болмауы керек.',
    ru: 'У двух услуг не может быть одинакового префикса талона.',
    en: 'Two services cannot share a ticket prefix.',
  },
  CLOSE_BEFORE_OPEN: {
    kk: 'Жабылу уақыты ашылу уақытынан кейін болуы керек.',
    ru: 'Время закрытия должно быть позже времени открытия.',
    en: 'The closing time must be after the opening time.',
  },
  LIST_EMPTY: {
    kk: 'Тізімде кемінде бір элемент болуы керек.',
    ru: 'Список должен содержать хотя бы один элемент.',
    en: 'The list needs at least one item.',
  },
  LIST_TOO_LONG: {
    kk: 'Тізім тым ұзын: ең көбі {max} элемент.',
    ru: 'Список слишком длинный: не более {max} элементов.',
    en: 'The list is too long: at most {max} items.',
  },
  SERVICE_UNKNOWN: {
    kk: 'Бұл кеңседе мұндай қызмет жоқ.',
    ru: 'В этом офисе нет такой услуги.',
    en: 'This office has no such service.',
  },
  NOT_TODAY: {
    kk: 'Кезекпен тек бүгінгі күні ({today}) жұмыс істеуге болады.',
    ru: 'Работать с очередью можно только в текущий день ({today}).',
    en: 'The queue can only be worked on the current day ({today}).',
  },
  SAME_SERVICE: {
    kk: 'Талон қазір осы қызметтің кезегінде тұр: басқа қызметті таңдаңыз.',
    ru: 'Талон уже в очереди этой услуги: выберите другую услугу.',
    en: 'The ticket already queues for this service: choose another one.',
  },
  OFFICE_NOT_CONFIGURED: {
    kk: 'Бұл кеңсе үшін электрондық кезек әлі бапталмаған.',
    ru: 'Электронная очередь для этого офиса ещё не настроена.',
    en: 'The electronic queue of this office has not been set up yet.',
  },
  DAY_NOT_OPENED: {
    kk: 'Бұл күнгі кезек әлі ашылмаған.',
    ru: 'Очередь на этот день ещё не открыта.',
    en: 'The queue for this day has not been opened yet.',
  },
  DAY_CLOSED: {
    kk: 'Бұл күнгі кезек жабылды.',
    ru: 'Очередь на этот день закрыта.',
    en: 'The queue for this day is closed.',
  },
  OUTSIDE_OPENING_HOURS: {
    kk: 'Кеңсе қазір жабық: талондар {open} мен {close} аралығында беріледі.',
    ru: 'Офис сейчас закрыт: талоны выдаются с {open} до {close}.',
    en: 'The office is closed now: tickets are issued from {open} to {close}.',
  },
  SETUP_IN_USE: {
    kk: 'Бүгін жұмыс істеп тұрған қызметті немесе терезені алып тастауға болмайды: алдымен кезекті аяқтаңыз.',
    ru: 'Нельзя убрать услугу или окно, с которыми сегодня ещё работают: сначала завершите очередь.',
    en: 'A service or desk still in use today cannot be removed: finish its queue first.',
  },
  DESK_UNKNOWN: {
    kk: 'Бұл кеңседе мұндай терезе жоқ.',
    ru: 'В этом офисе нет такого окна.',
    en: 'This office has no such desk.',
  },
  DESK_CLOSED: {
    kk: 'Терезе жабық: алдымен оны ашыңыз.',
    ru: 'Окно закрыто: сначала откройте его.',
    en: 'The desk is closed: open it first.',
  },
  DESK_PAUSED: {
    kk: 'Терезе үзілісте: жұмысты жалғастыру үшін оны қайта ашыңыз.',
    ru: 'Окно на перерыве: откройте его снова, чтобы продолжить.',
    en: 'The desk is on a break: open it again to continue.',
  },
  DESK_BUSY: {
    kk: 'Терезеде {number} талонының иесі күтіп тұр немесе қызмет алып жатыр: алдымен оны аяқтаңыз.',
    ru: 'У окна уже талон {number}: сначала завершите работу с ним.',
    en: 'The desk already has ticket {number}: finish with it first.',
  },
  NO_CURRENT_TICKET: {
    kk: 'Бұл терезеде қазір ешкім шақырылмаған.',
    ru: 'К этому окну сейчас никто не вызван.',
    en: 'Nobody is called to this desk right now.',
  },
  NO_TICKET_WAITING: {
    kk: 'Бұл терезенің қызметтеріне кезекте ешкім жоқ.',
    ru: 'В очереди к услугам этого окна никого нет.',
    en: 'Nobody is waiting for the services of this desk.',
  },
  TICKET_NOT_FOUND: {
    kk: 'Талон табылмады.',
    ru: 'Талон не найден.',
    en: 'Ticket not found.',
  },
  TICKET_EXISTS: {
    kk: 'Мұндай идентификатормен талон бұрыннан берілген.',
    ru: 'Талон с таким идентификатором уже выдан.',
    en: 'A ticket with this identifier has already been issued.',
  },
  TICKET_HELD_BY_OTHER_DESK: {
    kk: 'Бұл талонмен басқа терезе жұмыс істеп жатыр.',
    ru: 'С этим талоном работает другое окно.',
    en: 'Another desk is handling this ticket.',
  },
  TICKET_NOT_AT_DESK: {
    kk: 'Бұл талон осы терезеге шақырылмаған.',
    ru: 'Этот талон не вызван к этому окну.',
    en: 'This ticket is not called to this desk.',
  },
  TICKET_ALREADY_FINISHED: {
    kk: 'Бұл талон бойынша қызмет көрсету аяқталған.',
    ru: 'Обслуживание по этому талону уже завершено.',
    en: 'This ticket has already been dealt with.',
  },
  SERVICE_NOT_STARTED: {
    kk: 'Қызмет көрсету әлі басталған жоқ: алдымен оны бастаңыз.',
    ru: 'Обслуживание ещё не начато: сначала начните его.',
    en: 'The service has not started yet: start it first.',
  },
  TICKET_BEING_SERVED: {
    kk: 'Азаматқа қызмет көрсетіліп жатыр: оны қайта шақыруға немесе келмеді деп белгілеуге болмайды.',
    ru: 'Гражданина уже обслуживают: повторный вызов или неявка невозможны.',
    en: 'The citizen is already being served: they cannot be recalled or marked as absent.',
  },
  RECALL_LIMIT_REACHED: {
    kk: 'Талон {recalls} рет қайта шақырылды: енді оны келмеді деп белгілеңіз.',
    ru: 'Талон вызывали повторно {recalls} раз(а): отметьте неявку.',
    en: 'The ticket has been recalled {recalls} times: mark it as a no-show now.',
  },
  RECALLS_REQUIRED: {
    kk: 'Келмеді деп белгілеу үшін талонды алдымен {recalls} рет қайта шақырыңыз (қазір: {done}).',
    ru: 'Перед отметкой о неявке вызовите талон повторно {recalls} раз(а) (сейчас: {done}).',
    en: 'Recall the ticket {recalls} times before marking a no-show (so far: {done}).',
  },
  ARRIVAL_NOT_EXPECTED: {
    kk: 'Бұл күні осы кеңседе мұндай жазылу күтілмейді.',
    ru: 'Такая запись в этот день в этом офисе не ожидается.',
    en: 'No such booking is expected at this office on this day.',
  },
  ARRIVAL_CANCELLED: {
    kk: 'Бұл жазылудан бас тартылған немесе ол басқа уақытқа ауыстырылған.',
    ru: 'Эта запись отменена или перенесена.',
    en: 'This booking has been cancelled or rescheduled.',
  },
  CHECK_IN_OUTSIDE_SLOT: {
    kk: 'Жазылу бойынша тіркелу {from} бастап {slotEnd} дейін мүмкін (қабылдау уақыты: {slotStart}).',
    ru: 'Отметиться по записи можно с {from} до {slotEnd} (время приёма: {slotStart}).',
    en: 'Check-in for this booking is open from {from} until {slotEnd} (appointment at {slotStart}).',
  },
  ACTION_UNKNOWN: {
    kk: 'Терезе үшін мұндай әрекет жоқ.',
    ru: 'Для окна нет такого действия.',
    en: 'There is no such desk action.',
  },
};

const messages = messageRenderer(DOMAIN_ERROR_MESSAGES);

/** The message for a code in one language, with `{name}` placeholders filled from `params`. */
export const renderMessage = messages.render;

/** All three languages at once, e.g. for a problem+json body or a notification. */
export const localizedMessage = messages.localized;
