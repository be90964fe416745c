/**
 * Given/when/then for this domain's deciders (@adal/domain-kit/testing), typed by our refusal codes:
 *
 *   const { given } = specFor(someDecider);
 *   given([history]).when(command).then([events]);                   // exactly these events
 *   given([history]).when(command).then('CODE');                     // refused with this code
 *   given([history]).when(command).then({ code: 'CODE', field: 'f' }); // ... about this field
 */
import { givenWhenThen } from '@adal/domain-kit/testing';
import type { DomainErrorCode } from '../shared/domain-error.js';

export const specFor = givenWhenThen<DomainErrorCode>();
