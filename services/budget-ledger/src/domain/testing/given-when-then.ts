/**
 * Given/when/then for this domain's deciders (@adal/domain-kit/testing), typed by our refusal codes:
 *
 *   const { given } = specFor(budgetLineDecider);
 *   given([opened]).when(commit).then([committed]);                      // exactly these events
 *   given([opened]).when(tooMuch).then('ALLOCATION_EXCEEDED');           // refused with this code
 *   given([opened]).when(bad).then({ code: 'INVALID_DATE', field: 'date' }); // ... about this field
 *   given([approved]).when(sameAgain).then([]);                          // accepted, nothing happens
 */
import { givenWhenThen } from '@adal/domain-kit/testing';
import type { DomainErrorCode } from '../shared/domain-error.js';

export const specFor = givenWhenThen<DomainErrorCode>();
