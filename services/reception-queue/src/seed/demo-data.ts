/**
 * The demo queue for `npm start` (`SEED_DEMO_DATA=true`): public service centre No. 1 (the office
 * the gateway's demo clerk works at), two services and three desks.
 */
export const DEMO_QUEUE_OFFICES = [
  {
    officeId: 'office-psc',
    setup: {
      services: [
        {
          serviceId: 'documents',
          prefix: 'A',
          name: { kk: 'Құжаттарды ресімдеу', ru: 'Оформление документов', en: 'Documents' },
          expectedMinutes: 10,
        },
        {
          serviceId: 'social-payments',
          prefix: 'B',
          name: { kk: 'Әлеуметтік төлемдер', ru: 'Социальные выплаты', en: 'Social payments' },
          expectedMinutes: 15,
        },
      ],
      desks: [
        { deskId: 'desk-1', name: '1', serviceIds: ['documents'] },
        { deskId: 'desk-2', name: '2', serviceIds: ['documents', 'social-payments'] },
        { deskId: 'desk-3', name: '3', serviceIds: ['social-payments'] },
      ],
      hours: { open: '08:00', close: '20:00' },
      appointmentServiceId: 'documents',
    },
  },
];
