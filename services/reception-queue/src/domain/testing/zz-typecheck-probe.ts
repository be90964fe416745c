import { specFor } from './given-when-then.js'; import { officeSetupDecider } from '../office/office-setup.decider.js'; specFor(officeSetupDecider).given([]).when({} as never).then('NOT_A_CODE');
