/**
 * The gateway's public API, generated from its OpenAPI document (apps/web/openapi.json).
 * Do not edit: run `npm run api:types -w @adal/web` after changing a gateway route or DTO
 * (`node apps/web/scripts/check-api-types.js` fails when this file is stale).
 */

export interface paths {
  '/api/v1/auth/dev/sign-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in as a demo user (development identity provider)
     * @description Issues a one-hour access token for a seeded, fictional demo user. Off (404) when `AUTH_DEV_SIGN_IN=false`, in production unless enabled, and with `AUTH_PROVIDER=oidc`.
     *
     *     **Who:** anyone (no sign-in needed)
     */
    post: operations['AuthController_devSignIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/dev/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The demo users one can sign in as (development identity provider)
     * @description **Who:** anyone (no sign-in needed)
     */
    get: operations['AuthController_devUsers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caller's profile
     * @description **Who:** citizen, clerk, official, admin, auditor
     */
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/offices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the offices
     * @description **Who:** anyone (no sign-in needed)
     */
    get: operations['OfficesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/officials': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the officials who hold receptions
     * @description **Who:** anyone (no sign-in needed)
     */
    get: operations['OfficialsController_list'];
    put?: never;
    /**
     * Register an official who holds receptions
     * @description **Who:** admin
     */
    post: operations['OfficialsController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/officials/{officialId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One official
     * @description **Who:** anyone (no sign-in needed)
     */
    get: operations['OfficialsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/officials/{officialId}/free-slots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Free reception slots of an official
     * @description From `from` to `to` inclusive, at most 31 days.
     *
     *     **Who:** anyone (no sign-in needed)
     */
    get: operations['OfficialsController_freeSlots'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/officials/{officialId}/reception-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Publish a reception rule (weekly or daily hours)
     * @description **Who:** official (self), admin
     */
    post: operations['OfficialsController_addRule'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/officials/{officialId}/reception-rules/{ruleId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Withdraw a reception rule
     * @description **Who:** official (self), admin
     */
    delete: operations['OfficialsController_removeRule'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/officials/{officialId}/reception-days/{date}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a reception day or add extra hours to it
     * @description `{ "action": "cancel" }` or `{ "action": "extra", start, end, slotMinutes, capacity, mode, officeId? }`.
     *
     *     **Who:** official (self), admin
     */
    post: operations['OfficialsController_changeDay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/officials/{officialId}/agenda': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An official's agenda for a day
     * @description **Who:** official (self), admin, auditor
     */
    get: operations['OfficialsController_agenda'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/holds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Hold a free slot
     * @description Answers 201 `{ bookingId, expiresAt }`; confirm before the hold expires.
     *
     *     **Who:** citizen
     */
    post: operations['BookingsController_hold'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/mine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caller's bookings
     * @description **Who:** citizen
     */
    get: operations['BookingsController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/{bookingId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One booking
     * @description **Who:** citizen (owner), official (own), admin, auditor
     */
    get: operations['BookingsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/{bookingId}/calendar.ics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The booking as an iCalendar event
     * @description **Who:** citizen (owner)
     */
    get: operations['BookingsController_calendar'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/{bookingId}/hold/extend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Give a held booking more time before it must be confirmed
     * @description **Who:** citizen (owner)
     */
    post: operations['BookingsController_extendHold'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/{bookingId}/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Confirm a held booking
     * @description **Who:** citizen (owner)
     */
    post: operations['BookingsController_confirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/{bookingId}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a booking
     * @description **Who:** citizen (owner), official (own), admin
     */
    post: operations['BookingsController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/{bookingId}/reschedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move a booking to another free slot
     * @description **Who:** citizen (owner)
     */
    post: operations['BookingsController_reschedule'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/{bookingId}/remote/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a remote (video) reception
     * @description **Who:** official (own)
     */
    post: operations['BookingsController_remoteStart'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/{bookingId}/remote/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * End a remote (video) reception
     * @description **Who:** official (own)
     */
    post: operations['BookingsController_remoteEnd'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/{bookingId}/outcome': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record the outcome of a reception
     * @description **Who:** official (own)
     */
    post: operations['BookingsController_outcome'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/{bookingId}/no-show': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record that the citizen did not come
     * @description **Who:** official (own)
     */
    post: operations['BookingsController_noShow'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/{bookingId}/follow-up': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Turn the reception into an appeal (follow-up)
     * @description **Who:** official (own)
     */
    post: operations['BookingsController_followUp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * How the queue of an office is set up: services, desks, hours
     * @description **Who:** anyone (no sign-in needed)
     */
    get: operations['QueueController_setup'];
    /**
     * Set up the queue of an office
     * @description Services with their ticket prefixes, desks with the services each serves, opening hours.
     *
     *     **Who:** admin
     */
    put: operations['QueueController_putSetup'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/days/{date}/tickets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Take a ticket
     * @description At a kiosk, on the web or by QR code; no sign-in needed. Keep the `ticketId` to follow the ticket.
     *
     *     **Who:** anyone (no sign-in needed)
     */
    post: operations['QueueController_takeTicket'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/days/{date}/check-ins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Check in a citizen who booked an appointment
     * @description Issues a ticket with appointment priority for an expected arrival.
     *
     *     **Who:** clerk
     */
    post: operations['QueueController_checkIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/days/{date}/tickets/{ticketId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Follow a ticket: status, place in the queue, estimated wait
     * @description Anyone who has the ticket id (it is not guessable).
     *
     *     **Who:** anyone (no sign-in needed)
     */
    get: operations['QueueController_ticket'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/days/{date}/board': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The hall board: the latest calls and how many wait
     * @description **Who:** anyone (no sign-in needed)
     */
    get: operations['QueueController_board'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/days/{date}/board/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The hall board, live (server-sent events)
     * @description `text/event-stream`, relayed by the gateway as the service writes it: a `call` event (`BoardCall` as JSON) for each call or recall, and a `board` event (`QueueBoard` as JSON) whenever the board changes. Reconnect with `Last-Event-ID` as EventSource does.
     *
     *     **Who:** anyone (no sign-in needed)
     */
    get: operations['QueueController_boardStream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/days/{date}/desks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The desks of the day and the tickets they handle
     * @description **Who:** clerk, admin
     */
    get: operations['QueueController_desks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/days/{date}/arrivals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The expected appointment arrivals of the day
     * @description Confirmed in-person bookings at the office that day (from appointments), by slot: who can be checked in (`POST .../check-ins`), who was, and whose booking was cancelled. A clerk sees only their own office.
     *
     *     **Who:** clerk, admin
     */
    get: operations['QueueController_arrivals'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/days/{date}/desks/{deskId}/open': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Open a desk
     * @description The desk starts taking tickets of its services.
     *
     *     **Who:** clerk
     */
    post: operations['QueueController_open'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/days/{date}/desks/{deskId}/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pause a desk
     * @description No new calls until the desk is opened again.
     *
     *     **Who:** clerk
     */
    post: operations['QueueController_pause'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/days/{date}/desks/{deskId}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Close a desk
     * @description For the rest of the day, or until it is opened again.
     *
     *     **Who:** clerk
     */
    post: operations['QueueController_close'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/days/{date}/desks/{deskId}/call-next': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Call the next ticket to the desk
     * @description By priority, among the services of the desk (or a ticket assigned at random, when the office says so).
     *
     *     **Who:** clerk
     */
    post: operations['QueueController_callNext'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/days/{date}/desks/{deskId}/recall': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Call the current ticket again
     * @description The board shows and says the call again.
     *
     *     **Who:** clerk
     */
    post: operations['QueueController_recall'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/days/{date}/desks/{deskId}/no-show': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The called citizen did not come
     * @description Allowed after the number of recalls the office requires.
     *
     *     **Who:** clerk
     */
    post: operations['QueueController_noShow'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/days/{date}/desks/{deskId}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start serving the called citizen
     * @description The citizen has come to the desk.
     *
     *     **Who:** clerk
     */
    post: operations['QueueController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/days/{date}/desks/{deskId}/finish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Finish the visit with its outcome
     * @description The desk is free again.
     *
     *     **Who:** clerk
     */
    post: operations['QueueController_finish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/days/{date}/desks/{deskId}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send the citizen on to another service
     * @description The ticket waits for that service, then comes back to its own service with a higher priority.
     *
     *     **Who:** clerk
     */
    post: operations['QueueController_transfer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/days/{date}/desks/{deskId}/park': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Park the current ticket
     * @description Set aside (e.g. while the citizen fetches a document); the desk is free.
     *
     *     **Who:** clerk
     */
    post: operations['QueueController_park'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/days/{date}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Close the queue of a day
     * @description Tickets still open are closed with the reason given; nothing is left dangling.
     *
     *     **Who:** admin
     */
    post: operations['QueueController_closeDay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue/offices/{officeId}/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Daily statistics of an office, per service
     * @description Tickets, median and 90th percentile wait, median service time, no-shows.
     *
     *     **Who:** anyone (no sign-in needed)
     */
    get: operations['QueueController_stats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/budget/years': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Fiscal years with budget data, and the current one
     * @description **Who:** anyone (no sign-in needed)
     */
    get: operations['BudgetController_years'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/budget/regions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Budget execution of the 20 regions for a year
     * @description Allocated, committed and paid per region with the status colour (green / yellow / red against the share of the year elapsed; none when nothing is allocated), and the country totals. No paging.
     *
     *     Also as CSV, with the same filters (a list: all its pages): `?format=csv` or `Accept: text/csv`.
     *
     *     **Who:** anyone (no sign-in needed)
     */
    get: operations['BudgetController_regions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/budget/regions/{regionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A region for a year, with its totals per functional group
     * @description Also as CSV, with the same filters (a list: all its pages): `?format=csv` or `Accept: text/csv`.
     *
     *     **Who:** anyone (no sign-in needed)
     */
    get: operations['BudgetController_region'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/budget/regions/{regionId}/institutions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The institutions of a region, with their totals for a year (paginated)
     * @description Search with `q` (names, BIN), filter by `level`, sort by name, allocated, paid or execution.
     *
     *     Also as CSV, with the same filters (a list: all its pages): `?format=csv` or `Accept: text/csv`.
     *
     *     **Who:** anyone (no sign-in needed)
     */
    get: operations['BudgetController_institutions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/budget/institutions/{bin}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An institution for a year, with its budget lines
     * @description Also as CSV, with the same filters (a list: all its pages): `?format=csv` or `Accept: text/csv`.
     *
     *     **Who:** anyone (no sign-in needed)
     */
    get: operations['BudgetController_institution'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/budget/lines/{lineId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A budget line and its whole ledger history
     * @description Every transaction in order: allocation, amendments, commitments, payments, corrections.
     *
     *     Also as CSV, with the same filters (a list: all its pages): `?format=csv` or `Accept: text/csv`.
     *
     *     **Who:** anyone (no sign-in needed)
     */
    get: operations['BudgetController_line'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/budget/programmes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Totals per budget programme for a year (paginated)
     * @description Also as CSV, with the same filters (a list: all its pages): `?format=csv` or `Accept: text/csv`.
     *
     *     **Who:** anyone (no sign-in needed)
     */
    get: operations['BudgetController_programmes'];
    put?: never;
    /**
     * Register a budget programme of the budget classification
     * @description Registering it again with the same data changes nothing; with different data it is refused (409).
     *
     *     **Who:** admin
     */
    post: operations['BudgetController_registerProgramme'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/budget/functional-groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Totals per functional group for a year, for the country or one region
     * @description Also as CSV, with the same filters (a list: all its pages): `?format=csv` or `Accept: text/csv`.
     *
     *     **Who:** anyone (no sign-in needed)
     */
    get: operations['BudgetController_functionalGroups'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/budget/open-data/datapackage.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The Fiscal Data Package descriptor of the open budget data
     * @description Lists the CSV files (`open-data/{resource}.csv`) and their Table Schemas.
     *
     *     **Who:** anyone (no sign-in needed)
     */
    get: operations['BudgetController_dataPackage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/budget/open-data/{resource}.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An open data file (CSV)
     * @description `institutions`, `programmes`, `budget-lines`, or `transactions` (every ledger event; large: it is streamed as the service writes it). `Content-Disposition` names the file.
     *
     *     **Who:** anyone (no sign-in needed)
     */
    get: operations['BudgetController_openData'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/budget/institutions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Register a state institution
     * @description Registering it again with the same data changes nothing; with different data it is refused (409). Region and level never change: a reorganised institution gets a new BIN.
     *
     *     **Who:** admin
     */
    post: operations['BudgetController_registerInstitution'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/budget/institutions/{bin}/name': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Correct a state institution's names
     * @description Records `InstitutionNameCorrected` (the history keeps the old names); the same names again change nothing (`changed: false`). Region and level never change. The open data shows the new names once the projection has caught up.
     *
     *     **Who:** admin
     */
    put: operations['BudgetController_correctInstitutionName'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/budget/lines/{lineId}/transactions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a transaction on a budget line
     * @description Allocation approved or amended, commitment registered, reduced or cancelled, payment made. A `transactionId` the line has already seen changes nothing (imports are idempotent). Always `0 ≤ paid ≤ committed ≤ allocation`: a transaction that would break it is refused (409).
     *
     *     **Who:** admin
     */
    post: operations['BudgetController_recordTransaction'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/budget/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import ledger transactions from a CSV file
     * @description The import format of docs/budget.md (RFC 4180, UTF-8, header row), up to 20 MB, sent as `text/csv` and passed on as it is. Rows are applied in file order, each all or nothing; a row whose transaction id its line has seen is a duplicate (nothing changes); a bad row is reported with its line number and column, and the good rows go in.
     *
     *     **Who:** admin
     */
    post: operations['BudgetController_importTransactions'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ProblemFieldErrorDocument: {
      /** @example purpose */
      field: string;
      /** @example міндетті өріс */
      message: string;
    };
    ProblemDocument: {
      /**
       * @description `about:blank` unless a specific problem
       * @example urn:adal-office:problem:validation
       */
      type: string;
      /**
       * @description In the language of `Content-Language`
       * @example Сұрау деректері жарамсыз
       */
      title: string;
      /** @example 422 */
      status: number;
      /** @example purpose: міндетті өріс */
      detail?: string;
      /** @example /api/v1/bookings/0190d3a4-7b1c-7cc3-a000-000000000001/confirm */
      instance?: string;
      /** @description Validation problems: one entry per field */
      errors?: components['schemas']['ProblemFieldErrorDocument'][];
      /**
       * @description Quote it to support
       * @example 4bf92f3577b34da6a3ce929d0e0e4736
       */
      traceId?: string;
    };
    DevSignInBody: {
      /**
       * @description Id of a demo user (`GET /api/v1/auth/dev/users`)
       * @example citizen-aigerim
       */
      userId: string;
    };
    LocalizedText: {
      /**
       * @description Kazakh
       * @example Аудандық әкімдік
       */
      kk: string;
      /**
       * @description Russian
       * @example Районный акимат
       */
      ru: string;
      /**
       * @description English
       * @example District akimat
       */
      en: string;
    };
    /** @description The caller as the gateway knows them. Never an IIN. */
    Profile: {
      /**
       * @description Subject (user id)
       * @example citizen-aigerim
       */
      sub: string;
      /**
       * @example [
       *       "citizen"
       *     ]
       */
      roles: ('citizen' | 'clerk' | 'official' | 'admin' | 'auditor')[];
      name: components['schemas']['LocalizedText'];
      /**
       * @description Citizens: the opaque reference services know them by
       * @example q3TzR0cYb1mJ8vNwK2xLp5sD7fGhA9eU
       */
      citizenRef?: string;
      /**
       * @description Officials
       * @example official-akimat-head
       */
      officialId?: string;
      /**
       * @description Staff of an office
       * @example office-akimat
       */
      officeId?: string;
      /**
       * @description Language answers are given in for this request
       * @enum {string}
       */
      language: 'kk' | 'ru' | 'en';
      /**
       * @description The user's preferred language, when known
       * @enum {string}
       */
      preferredLanguage?: 'kk' | 'ru' | 'en';
      /**
       * Format: date-time
       * @description When the access token expires
       * @example 2026-12-01T06:00:00.000Z
       */
      tokenExpiresAt: string;
    };
    /** @description An access token and the profile of the user it was issued to. */
    SignInResult: {
      /** @description Send as `Authorization: Bearer <accessToken>` */
      accessToken: string;
      /** @enum {string} */
      tokenType: 'Bearer';
      /**
       * @description Seconds the token is valid for
       * @example 3600
       */
      expiresIn: number;
      /**
       * Format: date-time
       * @example 2026-12-01T06:00:00.000Z
       */
      expiresAt: string;
      user: components['schemas']['Profile'];
    };
    /** @description A fictional demo user one can sign in as. No IIN, no citizenRef. */
    DemoUser: {
      /**
       * @description `userId` to sign in with
       * @example citizen-aigerim
       */
      userId: string;
      /**
       * @example [
       *       "citizen"
       *     ]
       */
      roles: ('citizen' | 'clerk' | 'official' | 'admin' | 'auditor')[];
      name: components['schemas']['LocalizedText'];
      /** @description Who the demo user is, for the sign-in picker */
      description: components['schemas']['LocalizedText'];
      /** @enum {string} */
      preferredLanguage: 'kk' | 'ru' | 'en';
      /** @example official-akimat-head */
      officialId?: string;
      /** @example office-akimat */
      officeId?: string;
    };
    /** @description An office where officials receive citizens (reference data). */
    Office: {
      /** @example office-akimat */
      officeId: string;
      /** @enum {string} */
      kind: 'akimat' | 'public_service_centre' | 'anti_corruption_centre';
      name: components['schemas']['LocalizedText'];
      address: components['schemas']['LocalizedText'];
      /** @example KZ-ALA */
      regionCode: string;
    };
    /** @description All offices, by region and id. */
    OfficesResponse: {
      offices: components['schemas']['Office'][];
    };
    /** @description A published reception rule: recurring hours within a validity period. Requests number the weekday (1 = Monday); answers name it. */
    ReceptionRule: {
      /** @example 10:00 */
      start: string;
      /** @example 12:00 */
      end: string;
      /**
       * @description Minutes per slot
       * @example 15
       */
      slotMinutes: number;
      /**
       * @description Citizens per slot
       * @example 1
       */
      capacity: number;
      /** @enum {string} */
      mode: 'in_person' | 'remote';
      /**
       * @description Present exactly when `mode` is `in_person`
       * @example office-akimat
       */
      officeId?: string;
      /** @example wednesday-mornings */
      ruleId: string;
      /** @enum {string} */
      recurrence: 'weekly' | 'daily';
      /**
       * @description Weekly rules only
       * @enum {string}
       */
      weekday?: 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday';
      /**
       * Format: date
       * @description First day the rule applies
       * @example 2026-12-01
       */
      validFrom: string;
      /**
       * Format: date
       * @description Last day; open-ended when absent
       * @example 2027-06-30
       */
      validTo?: string;
    };
    /** @description An official who holds receptions, from the read model. */
    Official: {
      /** @example official-akimat-head */
      officialId: string;
      /**
       * @description Null only while the official's registration has not reached the read model yet
       * @example office-akimat
       */
      officeId: string | null;
      /**
       * @description Null like `officeId`
       * @enum {string|null}
       */
      rank: 'head' | 'deputy' | 'department_head' | null;
      /** @description Name and position; null while the directory lags behind, or when the stored name was erased */
      displayName: components['schemas']['LocalizedText'] | null;
      /** @description Rules in force, by start of validity, weekday and time */
      receptionRules: components['schemas']['ReceptionRule'][];
    };
    /** @description Officials (of one office when asked), by office, rank and id. */
    OfficialsResponse: {
      officials: components['schemas']['Official'][];
    };
    RegisterOfficialBody: {
      /** @example official-akimat-head */
      officialId: string;
      /** @example office-akimat */
      officeId: string;
      /**
       * @description Heads receive weekly; deputies and department heads daily
       * @enum {string}
       */
      rank: 'head' | 'deputy' | 'department_head';
      /**
       * @description Name and position in Kazakh
       * @example Нұрлан Әбенов, аудан әкімі
       */
      nameKk: string;
      /** @example Нурлан Абенов, аким района */
      nameRu: string;
      /** @example Nurlan Abenov, District Akim */
      nameEn: string;
    };
    /** @description Reception hours cut into equal slots: `[start, end)`, local time. */
    ReceptionHours: {
      /** @example 10:00 */
      start: string;
      /** @example 12:00 */
      end: string;
      /**
       * @description Minutes per slot
       * @example 15
       */
      slotMinutes: number;
      /**
       * @description Citizens per slot
       * @example 1
       */
      capacity: number;
      /** @enum {string} */
      mode: 'in_person' | 'remote';
      /**
       * @description Present exactly when `mode` is `in_person`
       * @example office-akimat
       */
      officeId?: string;
    };
    /** @description One-off changes of a date in the official's schedule. */
    ScheduleDayOverride: {
      /** @description No receptions that day */
      cancelled: boolean;
      /** @description Why the day was cancelled, when a reason was given */
      cancelReason?: string;
      /** @description Hours added to that day */
      extraHours: components['schemas']['ReceptionHours'][];
    };
    /** @description The official's reception schedule as it stands after the change (the name is kept by the service, never answered). */
    ScheduleView: {
      /** @example official-akimat-head */
      officialId: string;
      /** @example office-akimat */
      officeId: string;
      /** @enum {string} */
      rank: 'head' | 'deputy' | 'department_head';
      /** @description Rules in force, in publication order */
      rules: components['schemas']['ReceptionRule'][];
      /**
       * @description Every changed day. Keyed by date (`YYYY-MM-DD`).
       * @example {
       *       "2026-12-02": {
       *         "cancelled": true,
       *         "cancelReason": "Official trip",
       *         "extraHours": []
       *       }
       *     }
       */
      days: {
        [key: string]: components['schemas']['ScheduleDayOverride'];
      };
    };
    /** @description One-off changes of a date in the read model. */
    DayOverride: {
      /** @description No receptions that day */
      cancelled: boolean;
      /** @description Hours added to that day, by start */
      extraHours: components['schemas']['ReceptionHours'][];
    };
    /** @description One official with the one-off changes of recent and coming days. */
    OfficialDetail: {
      /** @example official-akimat-head */
      officialId: string;
      /**
       * @description Null only while the official's registration has not reached the read model yet
       * @example office-akimat
       */
      officeId: string | null;
      /**
       * @description Null like `officeId`
       * @enum {string|null}
       */
      rank: 'head' | 'deputy' | 'department_head' | null;
      /** @description Name and position; null while the directory lags behind, or when the stored name was erased */
      displayName: components['schemas']['LocalizedText'] | null;
      /** @description Rules in force, by start of validity, weekday and time */
      receptionRules: components['schemas']['ReceptionRule'][];
      /**
       * @description Changed days. Keyed by date (`YYYY-MM-DD`).
       * @example {
       *       "2026-12-02": {
       *         "cancelled": true,
       *         "extraHours": []
       *       }
       *     }
       */
      dayOverrides: {
        [key: string]: components['schemas']['DayOverride'];
      };
    };
    /** @description A slot with at least one free seat. */
    FreeSlot: {
      /**
       * @description Start (`slotStart` when holding it)
       * @example 10:00
       */
      start: string;
      /** @example 10:15 */
      end: string;
      /** @enum {string} */
      mode: 'in_person' | 'remote';
      /**
       * @description Where an in-person reception takes place
       * @example office-akimat
       */
      officeId?: string;
      /**
       * @description Citizens per slot
       * @example 1
       */
      capacity: number;
      /**
       * @description Seats still free
       * @example 1
       */
      free: number;
    };
    /** @description The free slots of one day, by start. */
    FreeSlotsDay: {
      /**
       * Format: date
       * @example 2026-12-01
       */
      date: string;
      slots: components['schemas']['FreeSlot'][];
    };
    /** @description Bookable slots from `from` to `to`: only slots that start later than now and have a free seat; days without any are left out. */
    FreeSlotsResponse: {
      /** @example official-akimat-head */
      officialId: string;
      /** @description By date */
      days: components['schemas']['FreeSlotsDay'][];
    };
    ReceptionRuleBody: {
      /**
       * @description The head receives weekly, deputies and department heads daily
       * @enum {string}
       */
      recurrence: 'weekly' | 'daily';
      /** @description ISO weekday, 1 = Monday; required for (and only for) weekly rules */
      weekday?: number;
      /** @example 10:00 */
      start: string;
      /**
       * @description Later than `start`
       * @example 12:00
       */
      end: string;
      /** @example 15 */
      slotMinutes: number;
      /**
       * @description Citizens per slot
       * @example 1
       */
      capacity: number;
      /** @enum {string} */
      mode: 'in_person' | 'remote';
      /**
       * @description Required for in_person; ignored for remote receptions
       * @example office-akimat
       */
      officeId?: string;
      /**
       * @description Generated when absent
       * @example wednesday-mornings
       */
      ruleId?: string;
      /**
       * Format: date
       * @example 2026-12-01
       */
      validFrom: string;
      /**
       * Format: date
       * @description Last day the rule applies; open-ended when absent
       * @example 2026-12-01
       */
      validTo?: string;
    };
    ReceptionDayBody: {
      /**
       * @description `cancel` the day, or add `extra` reception hours
       * @enum {string}
       */
      action: 'cancel' | 'extra';
      /**
       * @description extra only
       * @example 10:00
       */
      start?: string;
      /**
       * @description extra only; later than `start`
       * @example 12:00
       */
      end?: string;
      /** @description extra only */
      slotMinutes?: number;
      /** @description extra only */
      capacity?: number;
      /**
       * @description extra only
       * @enum {string}
       */
      mode?: 'in_person' | 'remote';
      /** @description extra only; defaults to the office of the official */
      officeId?: string;
    };
    /** @description What changing a reception day did. */
    ReceptionDayChangeResponse: {
      /** @description Bookings cancelled (by the office) because the day was cancelled; empty for extra hours */
      cancelledBookings: string[];
    };
    /** @description A booking from the read model (eventually consistent). Lapsed holds are left out, so `status` is never `lapsed` here. */
    BookingListItem: {
      /**
       * Format: uuid
       * @description Booking id (UUID)
       * @example 0190d3a4-7b1c-7cc3-a000-000000000001
       */
      bookingId: string;
      /**
       * @description Opaque reference of the citizen (never an IIN)
       * @example q3TzR0cYb1mJ8vNwK2xLp5sD7fGhA9eU
       */
      citizenRef: string;
      /** @example official-akimat-head */
      officialId: string;
      /**
       * @description In-person bookings: where
       * @example office-akimat
       */
      officeId?: string;
      /**
       * Format: date
       * @example 2026-12-01
       */
      date: string;
      /** @example 10:00 */
      slotStart: string;
      /** @example 10:15 */
      slotEnd: string;
      /**
       * Format: date-time
       * @example 2026-12-01T10:00:00+05:00
       */
      startsAt: string;
      /**
       * Format: date-time
       * @example 2026-12-01T10:15:00+05:00
       */
      endsAt: string;
      /** @enum {string} */
      mode: 'in_person' | 'remote';
      /** @enum {string} */
      status: 'held' | 'confirmed' | 'cancelled' | 'no_show' | 'in_progress' | 'completed';
      /**
       * @description Once confirmed
       * @enum {string}
       */
      channel?: 'in_person' | 'remote';
      /**
       * @description Once confirmed: language of the reception
       * @enum {string}
       */
      language?: 'kk' | 'ru' | 'en';
      /**
       * Format: uri
       * @description The citizen's own list: remote bookings that are confirmed or in progress
       * @example https://video.example.kz/room/Hq3x0d1m2V8rT4cZp7sWkA
       */
      joinUrl?: string;
      /**
       * Format: date-time
       * @description Remote bookings that are confirmed or in progress: when the call can be joined
       * @example 2026-12-01T09:50:00+05:00
       */
      joinOpensAt?: string;
      /**
       * Format: date-time
       * @description While held: when the hold lapses unless confirmed
       * @example 2026-11-20T15:10:00+05:00
       */
      holdExpiresAt?: string;
      /**
       * @description Cancelled bookings: by whom
       * @enum {string}
       */
      cancelledBy?: 'citizen' | 'official' | 'office';
      /**
       * @description Completed receptions
       * @enum {string}
       */
      outcome?: 'resolved' | 'explained' | 'redirected' | 'appeal_needed';
      /** @description The reception was turned into an appeal */
      followUpRequested: boolean;
      /**
       * Format: date-time
       * @description When the read model last changed this booking
       * @example 2026-12-01T10:00:00+05:00
       */
      updatedAt: string;
    };
    /** @description An official's day: every booking that is not a lapsed hold, by slot. */
    AgendaResponse: {
      /** @example official-akimat-head */
      officialId: string;
      /**
       * Format: date
       * @description The day (today when not asked)
       * @example 2026-12-01
       */
      date: string;
      bookings: components['schemas']['BookingListItem'][];
    };
    HoldSlotBody: {
      /** @example official-akimat-head */
      officialId: string;
      /**
       * Format: date
       * @example 2026-12-01
       */
      date: string;
      /**
       * @description Start of the slot (HH:mm, Asia/Almaty)
       * @example 10:00
       */
      slotStart: string;
    };
    /** @description A held booking, with when the hold lapses unless confirmed. */
    HeldBooking: {
      /**
       * Format: uuid
       * @description Booking id (UUID)
       * @example 0190d3a4-7b1c-7cc3-a000-000000000001
       */
      bookingId: string;
      /** @enum {string} */
      status: 'held' | 'lapsed' | 'confirmed' | 'cancelled' | 'no_show' | 'in_progress' | 'completed';
      /** @example official-akimat-head */
      officialId: string;
      /**
       * @description In-person bookings: where
       * @example office-akimat
       */
      officeId?: string;
      /**
       * Format: date
       * @example 2026-12-01
       */
      date: string;
      /** @example 10:00 */
      slotStart: string;
      /** @example 10:15 */
      slotEnd: string;
      /**
       * Format: date-time
       * @example 2026-12-01T10:00:00+05:00
       */
      startsAt: string;
      /**
       * Format: date-time
       * @example 2026-12-01T10:15:00+05:00
       */
      endsAt: string;
      /** @enum {string} */
      mode: 'in_person' | 'remote';
      /**
       * Format: date-time
       * @description While held: when the hold lapses unless confirmed
       * @example 2026-11-20T15:10:00+05:00
       */
      holdExpiresAt?: string;
      /**
       * @description Once confirmed
       * @enum {string}
       */
      channel?: 'in_person' | 'remote';
      /**
       * @description Once confirmed: language of the reception
       * @enum {string}
       */
      language?: 'kk' | 'ru' | 'en';
      /**
       * Format: uri
       * @description Confirmed remote bookings: the video link (only to the booking's citizen and official)
       * @example https://video.example.kz/room/Hq3x0d1m2V8rT4cZp7sWkA
       */
      joinUrl?: string;
      /**
       * Format: date-time
       * @description Confirmed remote bookings: when the call can be joined (10 minutes before `startsAt`)
       * @example 2026-12-01T09:50:00+05:00
       */
      joinOpensAt?: string;
      /**
       * @description Once confirmed (only to the booking's citizen and official)
       * @example Land plot allocation question
       */
      purpose?: string;
      /**
       * @description Cancelled bookings: by whom
       * @enum {string}
       */
      cancelledBy?: 'citizen' | 'official' | 'office';
      /**
       * @description Completed receptions
       * @enum {string}
       */
      outcome?: 'resolved' | 'explained' | 'redirected' | 'appeal_needed';
      /** @description Completed receptions: what was decided or explained (only to the booking's citizen and official) */
      summary?: string;
      /**
       * Format: date-time
       * @description When the reception was turned into an appeal
       * @example 2026-12-01T10:00:00+05:00
       */
      followUpRequestedAt?: string;
      /**
       * Format: date-time
       * @description When the hold lapses unless confirmed (`holdExpiresAt` while held)
       * @example 2026-11-20T15:10:00+05:00
       */
      expiresAt: string;
    };
    /** @description A booking in the citizen's own list. */
    CitizenBookingListItem: {
      /**
       * Format: uuid
       * @description Booking id (UUID)
       * @example 0190d3a4-7b1c-7cc3-a000-000000000001
       */
      bookingId: string;
      /**
       * @description Opaque reference of the citizen (never an IIN)
       * @example q3TzR0cYb1mJ8vNwK2xLp5sD7fGhA9eU
       */
      citizenRef: string;
      /** @example official-akimat-head */
      officialId: string;
      /**
       * @description In-person bookings: where
       * @example office-akimat
       */
      officeId?: string;
      /**
       * Format: date
       * @example 2026-12-01
       */
      date: string;
      /** @example 10:00 */
      slotStart: string;
      /** @example 10:15 */
      slotEnd: string;
      /**
       * Format: date-time
       * @example 2026-12-01T10:00:00+05:00
       */
      startsAt: string;
      /**
       * Format: date-time
       * @example 2026-12-01T10:15:00+05:00
       */
      endsAt: string;
      /** @enum {string} */
      mode: 'in_person' | 'remote';
      /** @enum {string} */
      status: 'held' | 'confirmed' | 'cancelled' | 'no_show' | 'in_progress' | 'completed';
      /**
       * @description Once confirmed
       * @enum {string}
       */
      channel?: 'in_person' | 'remote';
      /**
       * @description Once confirmed: language of the reception
       * @enum {string}
       */
      language?: 'kk' | 'ru' | 'en';
      /**
       * Format: uri
       * @description The citizen's own list: remote bookings that are confirmed or in progress
       * @example https://video.example.kz/room/Hq3x0d1m2V8rT4cZp7sWkA
       */
      joinUrl?: string;
      /**
       * Format: date-time
       * @description Remote bookings that are confirmed or in progress: when the call can be joined
       * @example 2026-12-01T09:50:00+05:00
       */
      joinOpensAt?: string;
      /**
       * Format: date-time
       * @description While held: when the hold lapses unless confirmed
       * @example 2026-11-20T15:10:00+05:00
       */
      holdExpiresAt?: string;
      /**
       * @description Cancelled bookings: by whom
       * @enum {string}
       */
      cancelledBy?: 'citizen' | 'official' | 'office';
      /**
       * @description Completed receptions
       * @enum {string}
       */
      outcome?: 'resolved' | 'explained' | 'redirected' | 'appeal_needed';
      /** @description The reception was turned into an appeal */
      followUpRequested: boolean;
      /**
       * Format: date-time
       * @description When the read model last changed this booking
       * @example 2026-12-01T10:00:00+05:00
       */
      updatedAt: string;
      /** @description Held, confirmed or in progress and not over yet (listed first, soonest first) */
      upcoming: boolean;
    };
    /** @description The caller's bookings: upcoming ones first (soonest first), then the rest (latest first); holds past their expiry are left out. */
    CitizenBookingsResponse: {
      bookings: components['schemas']['CitizenBookingListItem'][];
    };
    /** @description A booking as the caller may see it. `purpose`, `summary` and `joinUrl` are answered only to the booking's citizen and its official. */
    Booking: {
      /**
       * Format: uuid
       * @description Booking id (UUID)
       * @example 0190d3a4-7b1c-7cc3-a000-000000000001
       */
      bookingId: string;
      /** @enum {string} */
      status: 'held' | 'lapsed' | 'confirmed' | 'cancelled' | 'no_show' | 'in_progress' | 'completed';
      /** @example official-akimat-head */
      officialId: string;
      /**
       * @description In-person bookings: where
       * @example office-akimat
       */
      officeId?: string;
      /**
       * Format: date
       * @example 2026-12-01
       */
      date: string;
      /** @example 10:00 */
      slotStart: string;
      /** @example 10:15 */
      slotEnd: string;
      /**
       * Format: date-time
       * @example 2026-12-01T10:00:00+05:00
       */
      startsAt: string;
      /**
       * Format: date-time
       * @example 2026-12-01T10:15:00+05:00
       */
      endsAt: string;
      /** @enum {string} */
      mode: 'in_person' | 'remote';
      /**
       * Format: date-time
       * @description While held: when the hold lapses unless confirmed
       * @example 2026-11-20T15:10:00+05:00
       */
      holdExpiresAt?: string;
      /**
       * @description Once confirmed
       * @enum {string}
       */
      channel?: 'in_person' | 'remote';
      /**
       * @description Once confirmed: language of the reception
       * @enum {string}
       */
      language?: 'kk' | 'ru' | 'en';
      /**
       * Format: uri
       * @description Confirmed remote bookings: the video link (only to the booking's citizen and official)
       * @example https://video.example.kz/room/Hq3x0d1m2V8rT4cZp7sWkA
       */
      joinUrl?: string;
      /**
       * Format: date-time
       * @description Confirmed remote bookings: when the call can be joined (10 minutes before `startsAt`)
       * @example 2026-12-01T09:50:00+05:00
       */
      joinOpensAt?: string;
      /**
       * @description Once confirmed (only to the booking's citizen and official)
       * @example Land plot allocation question
       */
      purpose?: string;
      /**
       * @description Cancelled bookings: by whom
       * @enum {string}
       */
      cancelledBy?: 'citizen' | 'official' | 'office';
      /**
       * @description Completed receptions
       * @enum {string}
       */
      outcome?: 'resolved' | 'explained' | 'redirected' | 'appeal_needed';
      /** @description Completed receptions: what was decided or explained (only to the booking's citizen and official) */
      summary?: string;
      /**
       * Format: date-time
       * @description When the reception was turned into an appeal
       * @example 2026-12-01T10:00:00+05:00
       */
      followUpRequestedAt?: string;
    };
    ConfirmBookingBody: {
      /** @example Land plot allocation question */
      purpose: string;
      /**
       * @description Language of the reception
       * @enum {string}
       */
      language: 'kk' | 'ru' | 'en';
      /** @enum {string} */
      channel: 'in_person' | 'remote';
    };
    CancelBookingBody: {
      reason?: string;
    };
    RescheduleBookingBody: {
      /**
       * Format: date
       * @example 2026-12-01
       */
      date: string;
      /** @example 10:00 */
      slotStart: string;
    };
    OutcomeBody: {
      /** @enum {string} */
      outcome: 'resolved' | 'explained' | 'redirected' | 'appeal_needed';
      /** @description What was decided or explained */
      summary: string;
    };
    /** @description A service of the office, with the prefix of its tickets. */
    QueueService: {
      /** @example documents */
      serviceId: string;
      /** @example A */
      prefix: string;
      name: components['schemas']['LocalizedText'];
      /**
       * @description Typical minutes per visit
       * @example 10
       */
      expectedMinutes?: number;
    };
    /** @description A desk (window) of the office and the services it serves. */
    QueueDesk: {
      /** @example desk-1 */
      deskId: string;
      /**
       * @description Desk name, as the hall board shows it
       * @example 3
       */
      name: string;
      /**
       * @example [
       *       "documents"
       *     ]
       */
      serviceIds: string[];
    };
    /** @description Opening hours of the office, local time. */
    QueueHours: {
      /** @example 09:00 */
      open: string;
      /**
       * @description `HH:mm`, or `24:00` for midnight
       * @example 18:00
       */
      close: string;
    };
    /** @description Who is called first, and how long a ticket waits for its holder. */
    QueuePolicy: {
      /**
       * @description Level per priority class (appointment, transferred, disabled, elderly, pregnant, standard), lower called first
       * @example {
       *       "appointment": 0,
       *       "transferred": 1,
       *       "disabled": 2,
       *       "elderly": 2,
       *       "pregnant": 2,
       *       "standard": 3
       *     }
       */
      levels: {
        [key: string]: number;
      };
      /**
       * @description Recalls before a no-show may be marked
       * @example 2
       */
      noShowAfterRecalls: number;
      /**
       * @description Minutes a parked ticket stays aside
       * @example 5
       */
      parkMinutes: number;
      /**
       * @description `desk-calls`: "call next" gives the first ticket in queue order; `random`: a ticket drawn among the longest-waiting of the highest priority (absent: `desk-calls`)
       * @example desk-calls
       * @enum {string}
       */
      assignment?: 'desk-calls' | 'random';
    };
    /** @description How the electronic queue of an office is set up. */
    QueueSetup: {
      /** @example office-psc */
      officeId: string;
      services: components['schemas']['QueueService'][];
      desks: components['schemas']['QueueDesk'][];
      hours: components['schemas']['QueueHours'];
      policy?: components['schemas']['QueuePolicy'];
      /**
       * @description The service checked-in appointments queue for
       * @example documents
       */
      appointmentServiceId?: string;
    };
    QueueServiceName: {
      /**
       * @description Kazakh
       * @example Құжаттар
       */
      kk: string;
      /**
       * @description Russian
       * @example Документы
       */
      ru: string;
      /**
       * @description English
       * @example Documents
       */
      en: string;
    };
    QueueServiceBody: {
      /** @example documents */
      serviceId: string;
      /**
       * @description Ticket prefix
       * @example A
       */
      prefix: string;
      name: components['schemas']['QueueServiceName'];
      /**
       * @description Typical minutes per visit, for wait estimates until the day has its own service times (default 10)
       * @example 10
       */
      expectedMinutes?: number;
    };
    QueueDeskBody: {
      /** @example desk-1 */
      deskId: string;
      /**
       * @description What the hall board shows and says
       * @example 1
       */
      name: string;
      /**
       * @description Services this desk serves (ids of `services`)
       * @example [
       *       "documents"
       *     ]
       */
      serviceIds: string[];
    };
    QueueHoursBody: {
      /** @example 09:00 */
      open: string;
      /**
       * @description Tickets are issued before this time (`24:00`: until midnight); later than `open`
       * @example 18:00
       */
      close: string;
    };
    QueuePriorityLevelsBody: {
      /** @example 0 */
      appointment?: number;
      /** @example 1 */
      transferred?: number;
      /** @example 2 */
      disabled?: number;
      /** @example 2 */
      elderly?: number;
      /** @example 2 */
      pregnant?: number;
      /** @example 3 */
      standard?: number;
    };
    QueuePolicyBody: {
      /** @description Level per priority class, 0..9, lower called first (default: appointment 0, transferred 1, disabled/elderly/pregnant 2, standard 3) */
      levels?: components['schemas']['QueuePriorityLevelsBody'];
      /**
       * @description Recalls before a no-show (default 2)
       * @example 2
       */
      noShowAfterRecalls?: number;
      /**
       * @description Minutes a parked ticket stays aside before it is back in the queue (default 5)
       * @example 5
       */
      parkMinutes?: number;
      /**
       * @description How a free desk gets its next ticket (default `desk-calls`): `desk-calls` gives the first ticket in queue order; `random` (anti-corruption: the citizen cannot choose the clerk, nor the clerk the citizen) draws it among the longest-waiting tickets of the highest priority, as many as `drawWindow`
       * @example random
       * @enum {string}
       */
      assignment?: 'desk-calls' | 'random';
      /**
       * @description With `random` assignment: how many of the longest-waiting tickets of the highest priority a call draws among (default 3; fewer when fewer wait). Set by the office, not by how many desks are open
       * @example 3
       */
      drawWindow?: number;
    };
    QueueSetupBody: {
      services: components['schemas']['QueueServiceBody'][];
      desks: components['schemas']['QueueDeskBody'][];
      hours: components['schemas']['QueueHoursBody'];
      policy?: components['schemas']['QueuePolicyBody'];
      /**
       * @description The service a checked-in appointment queues for (default: the first service)
       * @example documents
       */
      appointmentServiceId?: string;
    };
    TakeTicketBody: {
      /**
       * @description A service of the office set-up
       * @example documents
       */
      serviceId: string;
      /**
       * @description Where the ticket was taken
       * @enum {string}
       */
      channel: 'kiosk' | 'web' | 'qr';
      /**
       * @description Priority the citizen claims (checked at the desk)
       * @enum {string}
       */
      priority?: 'disabled' | 'elderly' | 'pregnant';
    };
    /** @description Estimated wait in minutes from recent service times: `minutes` is the best guess, `low`..`high` the likely range. */
    WaitEstimate: {
      /** @example 12 */
      minutes: number;
      /** @example 8 */
      low: number;
      /** @example 20 */
      high: number;
    };
    /** @description A ticket just issued (or the ticket of an arrival already checked in). */
    IssuedTicket: {
      /**
       * @description Ticket id
       * @example 0190d3a4-7b1c-7cc3-a000-00000000000a
       */
      ticketId: string;
      /**
       * @description Prefix of the service and number of the day
       * @example A-007
       */
      number: string;
      /**
       * @description The service it queues for now (changes on a transfer)
       * @example documents
       */
      serviceId: string;
      /** @enum {string} */
      status: 'waiting' | 'called' | 'serving' | 'parked' | 'served' | 'no_show' | 'closed';
      /**
       * @description Place among the tickets of its service (1: next; 0 while called or served; null once finished)
       * @example 2
       */
      position: number | null;
      /** @description Null once finished */
      estimate: components['schemas']['WaitEstimate'] | null;
      /**
       * @description Called or being served: the desk to go to
       * @example 3
       */
      calledTo?: string;
      /**
       * @description Called or being served: that desk
       * @example desk-1
       */
      deskId?: string;
      /**
       * Format: date-time
       * @example 2026-12-01T10:00:00+05:00
       */
      issuedAt: string;
      /**
       * Format: date-time
       * @description Parked: back in the queue, in its place, at this moment
       * @example 2026-12-01T10:00:00+05:00
       */
      returnsAt?: string;
      /** @enum {string} */
      priority: 'appointment' | 'disabled' | 'elderly' | 'pregnant' | 'standard';
      /**
       * @description Where it was taken, or `check_in` for an appointment
       * @enum {string}
       */
      channel: 'kiosk' | 'web' | 'qr' | 'check_in';
      /**
       * Format: uuid
       * @description Check-ins: the booking
       */
      bookingId?: string;
    };
    CheckInBody: {
      /**
       * Format: uuid
       * @description The booking of an expected arrival (appointments)
       */
      bookingId: string;
      /** @description The service to queue for (default: the office's appointment service) */
      serviceId?: string;
    };
    /** @description A ticket as its holder follows it. While it queues (waiting or parked): `position` (1: next) and `estimate`; called or being served: position 0, `calledTo` names the desk; once finished both are null. */
    TicketView: {
      /**
       * @description Ticket id
       * @example 0190d3a4-7b1c-7cc3-a000-00000000000a
       */
      ticketId: string;
      /**
       * @description Prefix of the service and number of the day
       * @example A-007
       */
      number: string;
      /**
       * @description The service it queues for now (changes on a transfer)
       * @example documents
       */
      serviceId: string;
      /** @enum {string} */
      status: 'waiting' | 'called' | 'serving' | 'parked' | 'served' | 'no_show' | 'closed';
      /**
       * @description Place among the tickets of its service (1: next; 0 while called or served; null once finished)
       * @example 2
       */
      position: number | null;
      /** @description Null once finished */
      estimate: components['schemas']['WaitEstimate'] | null;
      /**
       * @description Called or being served: the desk to go to
       * @example 3
       */
      calledTo?: string;
      /**
       * @description Called or being served: that desk
       * @example desk-1
       */
      deskId?: string;
      /**
       * Format: date-time
       * @example 2026-12-01T10:00:00+05:00
       */
      issuedAt: string;
      /**
       * Format: date-time
       * @description Parked: back in the queue, in its place, at this moment
       * @example 2026-12-01T10:00:00+05:00
       */
      returnsAt?: string;
    };
    /** @description A call: which ticket goes to which desk (a recall is a call again). */
    BoardCall: {
      /**
       * @description Prefix of the service and number of the day
       * @example A-007
       */
      number: string;
      /** @example desk-1 */
      deskId: string;
      /**
       * @description Desk name, as the hall board shows it
       * @example 3
       */
      deskName: string;
      /** @example documents */
      serviceId?: string;
      /**
       * Format: date-time
       * @example 2026-12-01T10:00:00+05:00
       */
      calledAt: string;
      /**
       * @description 0 for the first call, then 1, 2... for recalls
       * @example 0
       */
      recall: number;
    };
    /** @description The hall board: the latest calls (latest first) and how many wait per service. */
    QueueBoard: {
      calls: components['schemas']['BoardCall'][];
      /**
       * @description Tickets in the queue (waiting or parked), keyed by service id; every service of the office
       * @example {
       *       "documents": 4,
       *       "social-payments": 1
       *     }
       */
      waiting: {
        [key: string]: number;
      };
      /**
       * @description The day: not opened yet (no ticket so far), open, or closed
       * @enum {string}
       */
      status: 'unopened' | 'open' | 'closed';
    };
    /** @description A stretch of a ticket at a desk, kept when the ticket moves on. */
    TicketStep: {
      /** @example documents */
      serviceId: string;
      /** @example desk-1 */
      deskId: string;
      /**
       * Format: date-time
       * @example 2026-12-01T10:00:00+05:00
       */
      calledAt: string;
      /**
       * Format: date-time
       * @example 2026-12-01T10:00:00+05:00
       */
      startedAt?: string;
      /**
       * Format: date-time
       * @example 2026-12-01T10:00:00+05:00
       */
      endedAt: string;
      /** @enum {string} */
      result: 'transferred' | 'parked' | 'served' | 'no_show' | 'closed';
    };
    /** @description The ticket a desk is handling: called (the citizen is on the way) or being served. */
    DeskTicket: {
      /**
       * @description Ticket id
       * @example 0190d3a4-7b1c-7cc3-a000-00000000000a
       */
      ticketId: string;
      /**
       * @description Prefix of the service and number of the day
       * @example A-007
       */
      number: string;
      /** @example documents */
      serviceId: string;
      /** @enum {string} */
      status: 'called' | 'serving';
      /** @enum {string} */
      priority: 'appointment' | 'disabled' | 'elderly' | 'pregnant' | 'standard';
      /** @description Sent on from another service */
      transferred: boolean;
      /**
       * Format: date-time
       * @example 2026-12-01T10:00:00+05:00
       */
      calledAt: string;
      /**
       * Format: date-time
       * @example 2026-12-01T10:00:00+05:00
       */
      startedAt?: string;
      /**
       * @description Times the ticket was called again
       * @example 0
       */
      recalls: number;
      /**
       * @description Recalls left before only a no-show is possible
       * @example 2
       */
      recallsLeft: number;
      /** @description Called and recalled as often as the policy asks: a no-show may be marked */
      canMarkNoShow: boolean;
      /**
       * Format: uuid
       * @description Checked-in appointments: the booking
       */
      bookingId?: string;
      /** @description Earlier stretches at desks (transfers, parking) */
      history: components['schemas']['TicketStep'][];
    };
    /** @description A desk today: open, paused or closed, and the ticket it handles. */
    DeskState: {
      /** @example desk-1 */
      deskId: string;
      /**
       * @description Desk name, as the hall board shows it
       * @example 3
       */
      name: string;
      /**
       * @example [
       *       "documents"
       *     ]
       */
      serviceIds: string[];
      /** @enum {string} */
      status: 'closed' | 'open' | 'paused';
      /**
       * Format: date-time
       * @description Since when it has this status
       * @example 2026-12-01T10:00:00+05:00
       */
      since?: string;
      /**
       * @description Tickets a `call-next` here could get now
       * @example 3
       */
      waiting: number;
      /** @description Null when the desk is free */
      current: components['schemas']['DeskTicket'] | null;
    };
    /** @description Every desk of the office that day. */
    DesksResponse: {
      desks: components['schemas']['DeskState'][];
    };
    /** @description A confirmed in-person booking at the office that day (from appointments): the citizen is expected. No personal data: the booking id is the reference the citizen shows. */
    ExpectedArrival: {
      /**
       * Format: uuid
       * @description The booking (the reference the citizen shows)
       */
      bookingId: string;
      /**
       * @description The official the citizen booked
       * @example official-psc-head
       */
      officialId: string;
      /**
       * @description Start of the booked slot
       * @example 14:00
       */
      slotStart: string;
      /**
       * @description End of the booked slot
       * @example 14:15
       */
      slotEnd: string;
      /**
       * @description Still expected, cancelled (or moved to another day), or checked in (a ticket was issued)
       * @enum {string}
       */
      status: 'expected' | 'cancelled' | 'checked_in';
      /**
       * @description Checked in: the ticket
       * @example 0190d3a4-7b1c-7cc3-a000-00000000000a
       */
      ticketId?: string;
      /**
       * @description Checked in: the ticket number
       * @example A-007
       */
      number?: string;
    };
    /** @description The expected appointment arrivals of an office that day, by slot. */
    ArrivalsResponse: {
      arrivals: components['schemas']['ExpectedArrival'][];
    };
    DeskTicketBody: {
      /** @description The ticket the action is meant for (the desk's current ticket) */
      ticketId?: string;
    };
    FinishVisitBody: {
      /** @description The ticket the action is meant for (the desk's current ticket) */
      ticketId?: string;
      /**
       * @description How the visit ended
       * @enum {string}
       */
      outcome: 'served' | 'consultation' | 'documents_missing' | 'redirected' | 'refused';
    };
    TransferTicketBody: {
      /** @description The ticket the action is meant for (the desk's current ticket) */
      ticketId?: string;
      /**
       * @description The service the citizen goes on to
       * @example social-payments
       */
      serviceId: string;
    };
    ParkTicketBody: {
      /** @description The ticket the action is meant for (the desk's current ticket) */
      ticketId?: string;
      /**
       * @description Minutes before the ticket is back in the queue, in its place (default: the office's policy)
       * @example 5
       */
      minutes?: number;
    };
    CloseDayBody: {
      /**
       * @description A reason code (end_of_day, emergency, technical_failure, other), or free text (the code is then `kind`, else `other`)
       * @example end_of_day
       */
      reason: string;
      /**
       * @description The reason code when `reason` is free text
       * @enum {string}
       */
      kind?: 'end_of_day' | 'emergency' | 'technical_failure' | 'other';
      /** @description A note for the office (never published) */
      note?: string;
    };
    /** @description The day is closed: tickets still open were closed with the reason given. */
    QueueDayClosed: {
      /** @example office-psc */
      officeId: string;
      /**
       * Format: date
       * @example 2026-12-01
       */
      date: string;
      /** @enum {string} */
      reason: 'end_of_day' | 'emergency' | 'technical_failure' | 'other';
      /**
       * Format: date-time
       * @example 2026-12-01T10:00:00+05:00
       */
      closedAt?: string;
      /** @description Tickets closed by the day close */
      closedTickets: number;
    };
    /** @description Figures of one service for the day (minutes). */
    QueueServiceStats: {
      /** @example documents */
      serviceId: string;
      /** @example 120 */
      tickets: number;
      /**
       * @description Median wait; null before any call
       * @example 9.5
       */
      waitMedianMin: number | null;
      /** @example 24 */
      waitP90Min: number | null;
      /**
       * @description Median service time; null before any visit
       * @example 7
       */
      serviceMedianMin: number | null;
      /** @example 3 */
      noShows: number;
      /**
       * @description Visits finished
       * @example 110
       */
      served?: number;
      /**
       * @description Tickets sent on from other services
       * @example 4
       */
      transfersIn?: number;
    };
    /** @description Daily statistics of an office, per service. */
    QueueStatsResponse: {
      /** @example office-psc */
      officeId: string;
      /**
       * Format: date
       * @example 2026-12-01
       */
      date: string;
      services: components['schemas']['QueueServiceStats'][];
    };
    /** @description Fiscal years with data, latest first, and the current one. */
    BudgetYears: {
      /** @description True while the data set is the generated demo, not real figures */
      synthetic: boolean;
      /**
       * Format: date
       * @description Date of the last ledger event projected (null before any)
       * @example 2026-12-01
       */
      asOf: string | null;
      /**
       * @example [
       *       2026,
       *       2025
       *     ]
       */
      years: number[];
      /** @example 2026 */
      current: number;
    };
    /** @description A region: its totals for the year and its status colour. */
    BudgetRegionRow: {
      /**
       * @description Tiyn, as a decimal string
       * @example 150000000000
       */
      allocated: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 90000000000
       */
      committed: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 61500000000
       */
      paid: string;
      /**
       * @description paid / allocated in percent; null when nothing is allocated
       * @example 41
       */
      executionPct: number | null;
      /** @example KZ-75 */
      regionId: string;
      name: components['schemas']['LocalizedText'];
      /** @enum {string} */
      status: 'green' | 'yellow' | 'red' | 'none';
      /**
       * @description Institutions with a budget in the region
       * @example 37
       */
      institutions: number;
    };
    /** @description Totals with their status colour. */
    BudgetTotals: {
      /**
       * @description Tiyn, as a decimal string
       * @example 150000000000
       */
      allocated: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 90000000000
       */
      committed: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 61500000000
       */
      paid: string;
      /**
       * @description paid / allocated in percent; null when nothing is allocated
       * @example 41
       */
      executionPct: number | null;
      /**
       * @description green / yellow / red against the share of the year elapsed
       * @enum {string}
       */
      status: 'green' | 'yellow' | 'red' | 'none';
      /**
       * @description Institutions with a budget
       * @example 412
       */
      institutions?: number;
    };
    /** @description All 20 regions for a year (no paging), and the country totals. */
    BudgetRegions: {
      /** @description True while the data set is the generated demo, not real figures */
      synthetic: boolean;
      /**
       * Format: date
       * @description Date of the last ledger event projected (null before any)
       * @example 2026-12-01
       */
      asOf: string | null;
      /** @example 2026 */
      year: number;
      items: components['schemas']['BudgetRegionRow'][];
      totals: components['schemas']['BudgetTotals'];
    };
    /** @description Totals of one functional group. */
    BudgetFunctionalGroupRow: {
      /**
       * @description Tiyn, as a decimal string
       * @example 150000000000
       */
      allocated: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 90000000000
       */
      committed: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 61500000000
       */
      paid: string;
      /**
       * @description paid / allocated in percent; null when nothing is allocated
       * @example 41
       */
      executionPct: number | null;
      /**
       * @description Functional group
       * @example 04
       * @enum {string}
       */
      functionalGroup: '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '12' | '13';
      /** @description Name of the functional group */
      name?: components['schemas']['LocalizedText'];
    };
    /** @description A region for a year, with its totals per functional group. */
    BudgetRegion: {
      /**
       * @description Tiyn, as a decimal string
       * @example 150000000000
       */
      allocated: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 90000000000
       */
      committed: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 61500000000
       */
      paid: string;
      /**
       * @description paid / allocated in percent; null when nothing is allocated
       * @example 41
       */
      executionPct: number | null;
      /** @example KZ-75 */
      regionId: string;
      name: components['schemas']['LocalizedText'];
      /** @enum {string} */
      status: 'green' | 'yellow' | 'red' | 'none';
      /**
       * @description Institutions with a budget in the region
       * @example 37
       */
      institutions: number;
      synthetic: boolean;
      /**
       * Format: date
       * @example 2026-12-01
       */
      asOf: string | null;
      /** @example 2026 */
      year: number;
      /**
       * @description Budget lines in the region
       * @example 120
       */
      lines?: number;
      functionalGroups: components['schemas']['BudgetFunctionalGroupRow'][];
    };
    /** @description A state institution and its totals for the year. */
    BudgetInstitutionRow: {
      /**
       * @description Tiyn, as a decimal string
       * @example 150000000000
       */
      allocated: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 90000000000
       */
      committed: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 61500000000
       */
      paid: string;
      /**
       * @description paid / allocated in percent; null when nothing is allocated
       * @example 41
       */
      executionPct: number | null;
      /** @example 970240000126 */
      bin: string;
      name: components['schemas']['LocalizedText'];
      /** @example KZ-75 */
      regionId: string;
      /** @enum {string} */
      level: 'republican' | 'regional' | 'district' | 'rural';
      /** @enum {string} */
      status: 'green' | 'yellow' | 'red' | 'none';
      /**
       * @description Budget lines of the institution that year
       * @example 4
       */
      lines: number;
    };
    /** @description A page of the institutions of a region (see also the `Link` header). */
    BudgetInstitutionPage: {
      /** @description True while the data set is the generated demo, not real figures */
      synthetic: boolean;
      /**
       * Format: date
       * @description Date of the last ledger event projected (null before any)
       * @example 2026-12-01
       */
      asOf: string | null;
      items: components['schemas']['BudgetInstitutionRow'][];
      /** @example 1 */
      page: number;
      /** @example 50 */
      pageSize: number;
      /**
       * @description Items over all pages
       * @example 37
       */
      total: number;
    };
    /** @description A programme of the budget classification, as a line refers to it. */
    BudgetProgrammeRef: {
      /**
       * @description administrator + programme + subprogramme
       * @example 253001000
       */
      code: string;
      name: components['schemas']['LocalizedText'];
      /**
       * @description Functional group
       * @example 04
       * @enum {string}
       */
      functionalGroup: '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '12' | '13';
    };
    /** @description A budget line of an institution: one programme, one year. */
    BudgetLineRow: {
      /**
       * @description Tiyn, as a decimal string
       * @example 150000000000
       */
      allocated: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 90000000000
       */
      committed: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 61500000000
       */
      paid: string;
      /**
       * @description paid / allocated in percent; null when nothing is allocated
       * @example 41
       */
      executionPct: number | null;
      /** @example 970240000126-253001000-2026 */
      lineId: string;
      programme: components['schemas']['BudgetProgrammeRef'];
    };
    /** @description An institution for a year, with its budget lines. */
    BudgetInstitution: {
      /**
       * @description Tiyn, as a decimal string
       * @example 150000000000
       */
      allocated: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 90000000000
       */
      committed: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 61500000000
       */
      paid: string;
      /**
       * @description paid / allocated in percent; null when nothing is allocated
       * @example 41
       */
      executionPct: number | null;
      /** @description True while the data set is the generated demo */
      synthetic: boolean;
      /**
       * Format: date
       * @description Date of the last ledger event projected
       * @example 2026-12-01
       */
      asOf: string | null;
      /** @example 2026 */
      year: number;
      /** @example 970240000126 */
      bin: string;
      name: components['schemas']['LocalizedText'];
      /** @example KZ-75 */
      regionId: string;
      /** @enum {string} */
      level: 'republican' | 'regional' | 'district' | 'rural';
      /** @enum {string} */
      status: 'green' | 'yellow' | 'red' | 'none';
      lines: components['schemas']['BudgetLineRow'][];
    };
    /** @description An institution as a line refers to it. */
    BudgetInstitutionRef: {
      /** @example 970240000126 */
      bin: string;
      name: components['schemas']['LocalizedText'];
    };
    /** @description One ledger transaction of a line, in order (`position` 1, 2, ...). Corrections are new transactions (reduction, amendment, cancellation), never edits. */
    BudgetHistoryEntry: {
      /**
       * @description Position in the line's stream
       * @example 1
       */
      position: number;
      /** @enum {string} */
      type:
        | 'allocation-approved'
        | 'allocation-amended'
        | 'commitment-registered'
        | 'commitment-reduced'
        | 'commitment-cancelled'
        | 'payment-made';
      /**
       * Format: date
       * @example 2026-12-01
       */
      date: string;
      /**
       * @description Tiyn (all but allocation-amended; the released rest for commitment-cancelled)
       * @example 150000000
       */
      amount?: string;
      /**
       * @description Tiyn, signed (allocation-amended)
       * @example -5000000
       */
      delta?: string;
      /** @description The allocation after an amendment (allocation-amended) */
      allocation?: string;
      /** @example C-17 */
      commitmentId?: string;
      /** @example P-3 */
      paymentId?: string;
      /**
       * @description Supplier's public business id (commitment-registered)
       * @example 970240000126
       */
      supplierBin?: string;
      /** @description Why (allocation-amended) */
      reason?: string;
      /** @example KZ-2026-000001 */
      transactionId: string;
    };
    /** @description A budget line with its whole ledger history. */
    BudgetLine: {
      /**
       * @description Tiyn, as a decimal string
       * @example 150000000000
       */
      allocated: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 90000000000
       */
      committed: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 61500000000
       */
      paid: string;
      /**
       * @description paid / allocated in percent; null when nothing is allocated
       * @example 41
       */
      executionPct: number | null;
      /** @example 970240000126-253001000-2026 */
      lineId: string;
      /** @example 970240000126 */
      bin: string;
      /** @example 2026 */
      fiscalYear: number;
      /** @example KZ-75 */
      regionId: string;
      /** @enum {string} */
      level: 'republican' | 'regional' | 'district' | 'rural';
      /**
       * @description Functional group
       * @example 04
       * @enum {string}
       */
      functionalGroup: '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '12' | '13';
      /** @description The institution */
      institution?: components['schemas']['BudgetInstitutionRef'];
      /** @description The programme */
      programme?: components['schemas']['BudgetProgrammeRef'];
      /**
       * @description Ledger events of the line
       * @example 12
       */
      events?: number;
      /**
       * Format: date
       * @description Date of its last transaction
       * @example 2026-12-01
       */
      lastDate?: string;
      /** @description True while the data set is the generated demo */
      synthetic: boolean;
      /**
       * Format: date
       * @description Date of the last ledger event projected
       * @example 2026-12-01
       */
      asOf: string | null;
      history: components['schemas']['BudgetHistoryEntry'][];
    };
    /** @description A programme of the budget classification and its totals for the year. */
    BudgetProgrammeRow: {
      /**
       * @description Tiyn, as a decimal string
       * @example 150000000000
       */
      allocated: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 90000000000
       */
      committed: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 61500000000
       */
      paid: string;
      /**
       * @description paid / allocated in percent; null when nothing is allocated
       * @example 41
       */
      executionPct: number | null;
      /**
       * @description administrator + programme + subprogramme
       * @example 253001000
       */
      code: string;
      /** @example 253 */
      administrator: string;
      /** @example 001 */
      programme: string;
      /** @example 000 */
      subprogramme: string;
      /**
       * @description Functional group
       * @example 04
       * @enum {string}
       */
      functionalGroup: '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '12' | '13';
      name: components['schemas']['LocalizedText'];
    };
    /** @description A page of programme totals (see also the `Link` header). */
    BudgetProgrammePage: {
      /** @description True while the data set is the generated demo, not real figures */
      synthetic: boolean;
      /**
       * Format: date
       * @description Date of the last ledger event projected (null before any)
       * @example 2026-12-01
       */
      asOf: string | null;
      /** @example 2026 */
      year: number;
      items: components['schemas']['BudgetProgrammeRow'][];
      /** @example 1 */
      page: number;
      /** @example 50 */
      pageSize: number;
      /**
       * @description Items over all pages
       * @example 230
       */
      total: number;
    };
    /** @description Allocated, committed (open commitments) and paid, with the share paid. */
    BudgetAmounts: {
      /**
       * @description Tiyn, as a decimal string
       * @example 150000000000
       */
      allocated: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 90000000000
       */
      committed: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 61500000000
       */
      paid: string;
      /**
       * @description paid / allocated in percent; null when nothing is allocated
       * @example 41
       */
      executionPct: number | null;
    };
    /** @description Totals per functional group, for the country or one region. */
    BudgetFunctionalGroups: {
      /** @description True while the data set is the generated demo, not real figures */
      synthetic: boolean;
      /**
       * Format: date
       * @description Date of the last ledger event projected (null before any)
       * @example 2026-12-01
       */
      asOf: string | null;
      /** @example 2026 */
      year: number;
      /**
       * @description `KZ` for the whole country, else the region
       * @example KZ
       */
      regionId: string;
      items: components['schemas']['BudgetFunctionalGroupRow'][];
      totals?: components['schemas']['BudgetAmounts'];
    };
    /** @description A file of the data package. */
    BudgetDataResource: {
      /** @example transactions */
      name: string;
      /**
       * @description Relative to the descriptor
       * @example transactions.csv
       */
      path: string;
      /** @example text/csv */
      mediatype?: string;
      /** @description Table Schema of the file (fields and types) */
      schema?: {
        [key: string]: unknown;
      };
    };
    /** @description Fiscal Data Package descriptor (Frictionless Data) of the open budget data: its CSV files and how to read them. */
    BudgetDataPackage: {
      /** @example adal-office-open-budget */
      name: string;
      /** @example Open budget of Kazakhstan (synthetic demo) */
      title?: string;
      /** @example fiscal-data-package */
      profile?: string;
      resources: components['schemas']['BudgetDataResource'][];
    };
    BudgetNameBody: {
      /**
       * @description Kazakh
       * @example Аудандық әкімдік
       */
      kk: string;
      /**
       * @description Russian
       * @example Районный акимат
       */
      ru: string;
      /**
       * @description English
       * @example District akimat
       */
      en: string;
    };
    RegisterInstitutionBody: {
      /**
       * @description BIN with a valid check digit (checked by the service)
       * @example 970240000126
       */
      bin: string;
      name: components['schemas']['BudgetNameBody'];
      /**
       * @description One of the 20 regions (`shared/geo/kz-regions.geojson`)
       * @example KZ-75
       */
      regionId: string;
      /** @enum {string} */
      level: 'republican' | 'regional' | 'district' | 'rural';
    };
    /** @description A state institution. */
    BudgetInstitutionRecord: {
      /** @example 970240000126 */
      bin: string;
      name: components['schemas']['LocalizedText'];
      /** @example KZ-75 */
      regionId: string;
      /** @enum {string} */
      level: 'republican' | 'regional' | 'district' | 'rural';
    };
    CorrectInstitutionNameBody: {
      /** @description The corrected names in Kazakh, Russian and English */
      name: components['schemas']['BudgetNameBody'];
    };
    /** @description The institution after a name correction. */
    BudgetInstitutionNameCorrection: {
      /** @example 970240000126 */
      bin: string;
      name: components['schemas']['LocalizedText'];
      /** @example KZ-75 */
      regionId: string;
      /** @enum {string} */
      level: 'republican' | 'regional' | 'district' | 'rural';
      /** @description False when the names were these already (nothing was recorded) */
      changed: boolean;
    };
    RegisterProgrammeBody: {
      /**
       * @description Budget programme administrator (3 digits)
       * @example 253
       */
      administrator: string;
      /**
       * @description Programme (3 digits)
       * @example 001
       */
      programme: string;
      /**
       * @description Subprogramme (3 digits, `000` when none)
       * @example 000
       */
      subprogramme: string;
      /**
       * @description Functional group
       * @example 04
       * @enum {string}
       */
      functionalGroup: '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '12' | '13';
      name: components['schemas']['BudgetNameBody'];
    };
    /** @description A programme of the budget classification. */
    BudgetProgrammeRecord: {
      /**
       * @description administrator + programme + subprogramme
       * @example 253001000
       */
      code: string;
      /** @example 253 */
      administrator: string;
      /** @example 001 */
      programme: string;
      /** @example 000 */
      subprogramme: string;
      /**
       * @description Functional group
       * @example 04
       * @enum {string}
       */
      functionalGroup: '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '12' | '13';
      name: components['schemas']['LocalizedText'];
    };
    BudgetTransactionBody: {
      /** @enum {string} */
      type:
        | 'allocation-approved'
        | 'allocation-amended'
        | 'commitment-registered'
        | 'commitment-reduced'
        | 'commitment-cancelled'
        | 'payment-made';
      /**
       * @description Idempotency key: a transaction id the line has already seen changes nothing
       * @example KZ-2026-000001
       */
      transactionId: string;
      /**
       * @description Tiyn, positive (allocation-approved, commitment-registered, commitment-reduced, payment-made)
       * @example 150000000
       */
      amount?: string;
      /**
       * @description Tiyn, signed, not 0 (allocation-amended)
       * @example -5000000
       */
      delta?: string;
      /**
       * Format: date
       * @description Within the fiscal year of the line
       * @example 2026-02-14
       */
      date: string;
      /**
       * @description The commitment (commitment-registered, commitment-reduced, commitment-cancelled, payment-made)
       * @example C-17
       */
      commitmentId?: string;
      /**
       * @description The payment (payment-made)
       * @example P-3
       */
      paymentId?: string;
      /**
       * @description The supplier's public business id, never a person's IIN (commitment-registered)
       * @example 970240000126
       */
      supplierBin?: string;
      /** @description Why (allocation-amended) */
      reason?: string;
    };
    /** @description A budget line: institution × programme × fiscal year, and its totals. */
    BudgetLineSummary: {
      /**
       * @description Tiyn, as a decimal string
       * @example 150000000000
       */
      allocated: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 90000000000
       */
      committed: string;
      /**
       * @description Tiyn, as a decimal string
       * @example 61500000000
       */
      paid: string;
      /**
       * @description paid / allocated in percent; null when nothing is allocated
       * @example 41
       */
      executionPct: number | null;
      /** @example 970240000126-253001000-2026 */
      lineId: string;
      /** @example 970240000126 */
      bin: string;
      /** @example 2026 */
      fiscalYear: number;
      /** @example KZ-75 */
      regionId: string;
      /** @enum {string} */
      level: 'republican' | 'regional' | 'district' | 'rural';
      /**
       * @description Functional group
       * @example 04
       * @enum {string}
       */
      functionalGroup: '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '12' | '13';
      /** @description The institution */
      institution?: components['schemas']['BudgetInstitutionRef'];
      /** @description The programme */
      programme?: components['schemas']['BudgetProgrammeRef'];
      /**
       * @description Ledger events of the line
       * @example 12
       */
      events?: number;
      /**
       * Format: date
       * @description Date of its last transaction
       * @example 2026-12-01
       */
      lastDate?: string;
    };
    /** @description A row of an import that was not applied, and why. */
    BudgetImportRejection: {
      /**
       * @description Line of the file (1 = the header)
       * @example 17
       */
      line: number;
      /**
       * @description The column at fault
       * @example amount_tiyn
       */
      field: string;
      /**
       * @description Machine-readable reason
       * @example COMMITTED_EXCEEDS_ALLOCATION
       */
      code: string;
      /** @description The reason in Kazakh, Russian and English */
      message: components['schemas']['LocalizedText'];
    };
    /** @description What an import did: good rows went in, bad rows are listed with their line. */
    BudgetImportReport: {
      /**
       * @description Data rows read
       * @example 1200
       */
      rows: number;
      /**
       * @description Rows that changed the ledger
       * @example 1180
       */
      applied: number;
      /**
       * @description Rows whose transaction id the line had already seen (nothing changed)
       * @example 15
       */
      duplicates: number;
      rejected: components['schemas']['BudgetImportRejection'][];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  AuthController_devSignIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DevSignInBody'];
      };
    };
    responses: {
      /** @description An access token and the signed-in user */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignInResult'];
        };
      };
      /** @description Development sign-in is off */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No demo user has this id */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  AuthController_devUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The demo users (fictional) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DemoUser'][];
        };
      };
      /** @description Development sign-in is off */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The caller's profile */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Profile'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: citizen, clerk, official, admin, auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  OfficesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Offices */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OfficesResponse'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  OfficialsController_list: {
    parameters: {
      query?: {
        /** @description Only officials of this office */
        officeId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Officials */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OfficialsResponse'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  OfficialsController_register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterOfficialBody'];
      };
    };
    responses: {
      /** @description The official was registered: their (empty) schedule */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScheduleView'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Already registered */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  OfficialsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Official id */
        officialId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The official */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OfficialDetail'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such official */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  OfficialsController_freeSlots: {
    parameters: {
      query: {
        /** @description First day (YYYY-MM-DD) */
        from: string;
        /** @description Last day (YYYY-MM-DD), not before `from`; at most 31 days in all */
        to: string;
      };
      header?: never;
      path: {
        /** @description Official id */
        officialId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Free slots per day */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FreeSlotsResponse'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  OfficialsController_addRule: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Official id */
        officialId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReceptionRuleBody'];
      };
    };
    responses: {
      /** @description The rule was published: the schedule now */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScheduleView'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: official (self), admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  OfficialsController_removeRule: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Official id */
        officialId: string;
        /** @description Reception rule id */
        ruleId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The rule was withdrawn: the schedule now */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScheduleView'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: official (self), admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such rule */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  OfficialsController_changeDay: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Official id */
        officialId: string;
        /** @description Day (YYYY-MM-DD) */
        date: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReceptionDayBody'];
      };
    };
    responses: {
      /** @description The day was changed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReceptionDayChangeResponse'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: official (self), admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  OfficialsController_agenda: {
    parameters: {
      query?: {
        /** @description Day of the agenda (YYYY-MM-DD); the service defaults to today */
        date?: string;
      };
      header?: never;
      path: {
        /** @description Official id */
        officialId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Bookings of the day */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AgendaResponse'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: official (self), admin, auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BookingsController_hold: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['HoldSlotBody'];
      };
    };
    responses: {
      /** @description The held booking and when the hold expires */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HeldBooking'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: citizen */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BookingsController_mine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Bookings */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CitizenBookingsResponse'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: citizen */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BookingsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Booking id (UUID) */
        bookingId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The booking */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Booking'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: citizen (owner), official (own), admin, auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such booking (or not yours) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BookingsController_calendar: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Booking id (UUID) */
        bookingId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description iCalendar (`text/calendar`) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/calendar': string;
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: citizen (owner) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BookingsController_extendHold: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Booking id (UUID) */
        bookingId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The hold now expires later */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HeldBooking'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: citizen (owner) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The hold expired and the seat was taken, or it was extended too often */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BookingsController_confirm: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Booking id (UUID) */
        bookingId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ConfirmBookingBody'];
      };
    };
    responses: {
      /** @description The booking is confirmed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Booking'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: citizen (owner) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BookingsController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Booking id (UUID) */
        bookingId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CancelBookingBody'];
      };
    };
    responses: {
      /** @description The booking is cancelled */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Booking'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: citizen (owner), official (own), admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BookingsController_reschedule: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Booking id (UUID) */
        bookingId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RescheduleBookingBody'];
      };
    };
    responses: {
      /** @description The booking is moved */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Booking'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: citizen (owner) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BookingsController_remoteStart: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Booking id (UUID) */
        bookingId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The reception started; the join link is in the booking */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Booking'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: official (own) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BookingsController_remoteEnd: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Booking id (UUID) */
        bookingId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The reception ended */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Booking'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: official (own) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BookingsController_outcome: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Booking id (UUID) */
        bookingId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OutcomeBody'];
      };
    };
    responses: {
      /** @description The outcome is recorded */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Booking'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: official (own) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BookingsController_noShow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Booking id (UUID) */
        bookingId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The no-show is recorded */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Booking'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: official (own) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BookingsController_followUp: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Booking id (UUID) */
        bookingId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The follow-up is opened */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Booking'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: official (own) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The appointments service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_setup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The set-up */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QueueSetup'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The office has no electronic queue */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_putSetup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['QueueSetupBody'];
      };
    };
    responses: {
      /** @description The set-up now */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QueueSetup'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_takeTicket: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
        /** @description Day of the queue (YYYY-MM-DD, Almaty) */
        date: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TakeTicketBody'];
      };
    };
    responses: {
      /** @description The ticket, its place in the queue and the estimated wait */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IssuedTicket'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such office or service */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The queue of that day does not take tickets (closed) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_checkIn: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
        /** @description Day of the queue (YYYY-MM-DD, Almaty) */
        date: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CheckInBody'];
      };
    };
    responses: {
      /** @description The ticket, with appointment priority */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IssuedTicket'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: clerk */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No expected arrival with this booking */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Already checked in, or the queue of that day is closed */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_ticket: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
        /** @description Day of the queue (YYYY-MM-DD, Almaty) */
        date: string;
        /** @description Ticket id (as answered when the ticket was taken) */
        ticketId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ticket */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TicketView'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such ticket */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_board: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
        /** @description Day of the queue (YYYY-MM-DD, Almaty) */
        date: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The board */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QueueBoard'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_boardStream: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
        /** @description Day of the queue (YYYY-MM-DD, Almaty) */
        date: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An endless `text/event-stream` */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_desks: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
        /** @description Day of the queue (YYYY-MM-DD, Almaty) */
        date: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every desk */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DesksResponse'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: clerk, admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_arrivals: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
        /** @description Day of the queue (YYYY-MM-DD, Almaty) */
        date: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The arrivals, by slot (empty when none are expected) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ArrivalsResponse'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: clerk, admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_open: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
        /** @description Day of the queue (YYYY-MM-DD, Almaty) */
        date: string;
        /** @description Desk id (from the office set-up) */
        deskId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The desk after the action */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeskState'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: clerk */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such office, day or desk */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The state of the desk or of its ticket forbids this action now */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_pause: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
        /** @description Day of the queue (YYYY-MM-DD, Almaty) */
        date: string;
        /** @description Desk id (from the office set-up) */
        deskId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The desk after the action */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeskState'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: clerk */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such office, day or desk */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The state of the desk or of its ticket forbids this action now */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_close: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
        /** @description Day of the queue (YYYY-MM-DD, Almaty) */
        date: string;
        /** @description Desk id (from the office set-up) */
        deskId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The desk after the action */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeskState'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: clerk */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such office, day or desk */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The state of the desk or of its ticket forbids this action now */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_callNext: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
        /** @description Day of the queue (YYYY-MM-DD, Almaty) */
        date: string;
        /** @description Desk id (from the office set-up) */
        deskId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The desk after the action */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeskState'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: clerk */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such office, day or desk */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The state of the desk or of its ticket forbids this action now */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_recall: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
        /** @description Day of the queue (YYYY-MM-DD, Almaty) */
        date: string;
        /** @description Desk id (from the office set-up) */
        deskId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['DeskTicketBody'];
      };
    };
    responses: {
      /** @description The desk after the action */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeskState'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: clerk */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such office, day or desk */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The state of the desk or of its ticket forbids this action now */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_noShow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
        /** @description Day of the queue (YYYY-MM-DD, Almaty) */
        date: string;
        /** @description Desk id (from the office set-up) */
        deskId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['DeskTicketBody'];
      };
    };
    responses: {
      /** @description The desk after the action */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeskState'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: clerk */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such office, day or desk */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The state of the desk or of its ticket forbids this action now */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_start: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
        /** @description Day of the queue (YYYY-MM-DD, Almaty) */
        date: string;
        /** @description Desk id (from the office set-up) */
        deskId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['DeskTicketBody'];
      };
    };
    responses: {
      /** @description The desk after the action */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeskState'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: clerk */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such office, day or desk */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The state of the desk or of its ticket forbids this action now */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_finish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
        /** @description Day of the queue (YYYY-MM-DD, Almaty) */
        date: string;
        /** @description Desk id (from the office set-up) */
        deskId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FinishVisitBody'];
      };
    };
    responses: {
      /** @description The desk after the action */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeskState'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: clerk */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such office, day or desk */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The state of the desk or of its ticket forbids this action now */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_transfer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
        /** @description Day of the queue (YYYY-MM-DD, Almaty) */
        date: string;
        /** @description Desk id (from the office set-up) */
        deskId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TransferTicketBody'];
      };
    };
    responses: {
      /** @description The desk after the action */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeskState'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: clerk */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such office, day or desk */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The state of the desk or of its ticket forbids this action now */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_park: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
        /** @description Day of the queue (YYYY-MM-DD, Almaty) */
        date: string;
        /** @description Desk id (from the office set-up) */
        deskId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['ParkTicketBody'];
      };
    };
    responses: {
      /** @description The desk after the action */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeskState'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: clerk */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such office, day or desk */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The state of the desk or of its ticket forbids this action now */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_closeDay: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
        /** @description Day of the queue (YYYY-MM-DD, Almaty) */
        date: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CloseDayBody'];
      };
    };
    responses: {
      /** @description The day is closed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QueueDayClosed'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  QueueController_stats: {
    parameters: {
      query?: {
        /** @description Day of the statistics (YYYY-MM-DD); the service defaults to today */
        date?: string;
      };
      header?: never;
      path: {
        /** @description Office id */
        officeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The statistics */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QueueStatsResponse'];
        };
      };
      /** @description Malformed JSON, or a field of the wrong JSON type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The reception-queue service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BudgetController_years: {
    parameters: {
      query?: never;
      header?: {
        /** @description The `ETag` of an answer already held: `304 Not Modified` while it is still current */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The answer */
      200: {
        headers: {
          /** @description Weak validator: changes when the projection moves */
          ETag?: string;
          /** @description `public, max-age=30` */
          'Cache-Control'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BudgetYears'];
        };
      };
      /** @description Not modified: the answer held (`If-None-Match`) is still current */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter or field of the wrong type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A parameter or field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BudgetController_regions: {
    parameters: {
      query?: {
        /** @description `csv`: the same answer as `text/csv` (a list: all its pages); as `Accept: text/csv` does */
        format?: 'json' | 'csv';
        /** @description Fiscal year (default: the current one) */
        year?: number;
      };
      header?: {
        /** @description The `ETag` of an answer already held: `304 Not Modified` while it is still current */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The answer (JSON, or CSV as asked) */
      200: {
        headers: {
          /** @description Weak validator: changes when the projection moves */
          ETag?: string;
          /** @description `public, max-age=30` */
          'Cache-Control'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BudgetRegions'];
          'text/csv': string;
        };
      };
      /** @description Not modified: the answer held (`If-None-Match`) is still current */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter or field of the wrong type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A parameter or field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BudgetController_region: {
    parameters: {
      query?: {
        /** @description `csv`: the same answer as `text/csv` (a list: all its pages); as `Accept: text/csv` does */
        format?: 'json' | 'csv';
        /** @description Fiscal year (default: the current one) */
        year?: number;
      };
      header?: {
        /** @description The `ETag` of an answer already held: `304 Not Modified` while it is still current */
        'If-None-Match'?: string;
      };
      path: {
        /** @description ISO 3166-2:KZ region id (`KZ-10` ... `KZ-79`) */
        regionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The answer (JSON, or CSV as asked) */
      200: {
        headers: {
          /** @description Weak validator: changes when the projection moves */
          ETag?: string;
          /** @description `public, max-age=30` */
          'Cache-Control'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BudgetRegion'];
          'text/csv': string;
        };
      };
      /** @description Not modified: the answer held (`If-None-Match`) is still current */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter or field of the wrong type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such region */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A parameter or field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BudgetController_institutions: {
    parameters: {
      query?: {
        /** @description `csv`: the same answer as `text/csv` (a list: all its pages); as `Accept: text/csv` does */
        format?: 'json' | 'csv';
        /** @description Fiscal year (default: the current one) */
        year?: number;
        /** @description Default 1 */
        page?: number;
        /** @description Items per page (default 50, at most 500) */
        pageSize?: number;
        /** @description Search in the names (any language) and the BIN */
        q?: string;
        /** @description Only institutions of this level */
        level?: 'republican' | 'regional' | 'district' | 'rural';
        /** @description Sort key (default `name`) */
        sort?: 'name' | 'allocated' | 'paid' | 'executionPct';
        /** @description Default `asc` for `name`, else `desc` */
        order?: 'asc' | 'desc';
      };
      header?: {
        /** @description The `ETag` of an answer already held: `304 Not Modified` while it is still current */
        'If-None-Match'?: string;
      };
      path: {
        /** @description ISO 3166-2:KZ region id (`KZ-10` ... `KZ-79`) */
        regionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The answer (JSON, or CSV as asked) */
      200: {
        headers: {
          /** @description Weak validator: changes when the projection moves */
          ETag?: string;
          /** @description `public, max-age=30` */
          'Cache-Control'?: string;
          /** @description RFC 8288 links to the `first`, `prev`, `next` and `last` pages */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BudgetInstitutionPage'];
          'text/csv': string;
        };
      };
      /** @description Not modified: the answer held (`If-None-Match`) is still current */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter or field of the wrong type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such region */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A parameter or field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BudgetController_institution: {
    parameters: {
      query?: {
        /** @description `csv`: the same answer as `text/csv` (a list: all its pages); as `Accept: text/csv` does */
        format?: 'json' | 'csv';
        /** @description Fiscal year (default: the current one) */
        year?: number;
      };
      header?: {
        /** @description The `ETag` of an answer already held: `304 Not Modified` while it is still current */
        'If-None-Match'?: string;
      };
      path: {
        /** @description Business identification number of the institution (12 digits) */
        bin: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The answer (JSON, or CSV as asked) */
      200: {
        headers: {
          /** @description Weak validator: changes when the projection moves */
          ETag?: string;
          /** @description `public, max-age=30` */
          'Cache-Control'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BudgetInstitution'];
          'text/csv': string;
        };
      };
      /** @description Not modified: the answer held (`If-None-Match`) is still current */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter or field of the wrong type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such institution */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A parameter or field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BudgetController_line: {
    parameters: {
      query?: {
        /** @description `csv`: the same answer as `text/csv` (a list: all its pages); as `Accept: text/csv` does */
        format?: 'json' | 'csv';
      };
      header?: {
        /** @description The `ETag` of an answer already held: `304 Not Modified` while it is still current */
        'If-None-Match'?: string;
      };
      path: {
        /** @description Budget line: `{bin}-{administrator}{programme}{subprogramme}-{year}` */
        lineId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The answer (JSON, or CSV as asked) */
      200: {
        headers: {
          /** @description Weak validator: changes when the projection moves */
          ETag?: string;
          /** @description `public, max-age=30` */
          'Cache-Control'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BudgetLine'];
          'text/csv': string;
        };
      };
      /** @description Not modified: the answer held (`If-None-Match`) is still current */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter or field of the wrong type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such budget line */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A parameter or field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BudgetController_programmes: {
    parameters: {
      query?: {
        /** @description `csv`: the same answer as `text/csv` (a list: all its pages); as `Accept: text/csv` does */
        format?: 'json' | 'csv';
        /** @description Fiscal year (default: the current one) */
        year?: number;
        /** @description Default 1 */
        page?: number;
        /** @description Items per page (default 50, at most 500) */
        pageSize?: number;
        /** @description Only programmes of this functional group */
        functionalGroup?: '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '12' | '13';
      };
      header?: {
        /** @description The `ETag` of an answer already held: `304 Not Modified` while it is still current */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The answer (JSON, or CSV as asked) */
      200: {
        headers: {
          /** @description Weak validator: changes when the projection moves */
          ETag?: string;
          /** @description `public, max-age=30` */
          'Cache-Control'?: string;
          /** @description RFC 8288 links to the `first`, `prev`, `next` and `last` pages */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BudgetProgrammePage'];
          'text/csv': string;
        };
      };
      /** @description Not modified: the answer held (`If-None-Match`) is still current */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter or field of the wrong type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A parameter or field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BudgetController_registerProgramme: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterProgrammeBody'];
      };
    };
    responses: {
      /** @description The programme */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BudgetProgrammeRecord'];
        };
      };
      /** @description A parameter or field of the wrong type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The programme code is registered with other data */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A parameter or field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BudgetController_functionalGroups: {
    parameters: {
      query?: {
        /** @description `csv`: the same answer as `text/csv` (a list: all its pages); as `Accept: text/csv` does */
        format?: 'json' | 'csv';
        /** @description Fiscal year (default: the current one) */
        year?: number;
        /** @description Only this region (default: the whole country) */
        regionId?: string;
      };
      header?: {
        /** @description The `ETag` of an answer already held: `304 Not Modified` while it is still current */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The answer (JSON, or CSV as asked) */
      200: {
        headers: {
          /** @description Weak validator: changes when the projection moves */
          ETag?: string;
          /** @description `public, max-age=30` */
          'Cache-Control'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BudgetFunctionalGroups'];
          'text/csv': string;
        };
      };
      /** @description Not modified: the answer held (`If-None-Match`) is still current */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter or field of the wrong type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A parameter or field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BudgetController_dataPackage: {
    parameters: {
      query?: never;
      header?: {
        /** @description The `ETag` of an answer already held: `304 Not Modified` while it is still current */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The answer */
      200: {
        headers: {
          /** @description Weak validator: changes when the projection moves */
          ETag?: string;
          /** @description `public, max-age=30` */
          'Cache-Control'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BudgetDataPackage'];
        };
      };
      /** @description Not modified: the answer held (`If-None-Match`) is still current */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter or field of the wrong type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A parameter or field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BudgetController_openData: {
    parameters: {
      query?: never;
      header?: {
        /** @description The `ETag` of an answer already held: `304 Not Modified` while it is still current */
        'If-None-Match'?: string;
      };
      path: {
        /** @description Which open data file */
        resource: 'institutions' | 'programmes' | 'budget-lines' | 'transactions';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file (`text/csv`, RFC 4180, UTF-8, header row) */
      200: {
        headers: {
          /** @description Weak validator: changes when the projection moves */
          ETag?: string;
          /** @description `public, max-age=30` */
          'Cache-Control'?: string;
          /** @description `attachment; filename="<resource>.csv"` */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description Not modified: the answer held (`If-None-Match`) is still current */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter or field of the wrong type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A parameter or field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BudgetController_registerInstitution: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterInstitutionBody'];
      };
    };
    responses: {
      /** @description The institution */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BudgetInstitutionRecord'];
        };
      };
      /** @description A parameter or field of the wrong type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The BIN is registered with other data */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A parameter or field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BudgetController_correctInstitutionName: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Business identification number of the institution (12 digits) */
        bin: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CorrectInstitutionNameBody'];
      };
    };
    responses: {
      /** @description The institution with its current names */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BudgetInstitutionNameCorrection'];
        };
      };
      /** @description A parameter or field of the wrong type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No institution with this BIN */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A parameter or field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BudgetController_recordTransaction: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Budget line: `{bin}-{administrator}{programme}{subprogramme}-{year}` */
        lineId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BudgetTransactionBody'];
      };
    };
    responses: {
      /** @description The line after the transaction */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BudgetLineSummary'];
        };
      };
      /** @description A parameter or field of the wrong type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description No such budget line (approve its allocation first), or an unknown commitment */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The ledger forbids it (over the allocation, over the commitment, cancelled, ...) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A parameter or field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
  BudgetController_importTransactions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The CSV file */
    requestBody: {
      content: {
        'text/csv': string;
      };
    };
    responses: {
      /** @description What the import did */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BudgetImportReport'];
        };
      };
      /** @description A parameter or field of the wrong type (`errors` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Not signed in, or the token is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The caller is not one of: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The file is larger than 20 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The body is not `text/csv` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description A parameter or field breaks a rule (`errors` names each field) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description Rate limit reached (`Retry-After` says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service cannot be reached (`Retry-After`) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
      /** @description The budget-ledger service did not answer in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDocument'];
        };
      };
    };
  };
}
