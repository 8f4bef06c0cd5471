import { panTompkins } from '../../lib/signal';
import { detectorBehaviour } from './detector-behaviour';

describe('signal/panTompkins', () => {
  detectorBehaviour('panTompkins', panTompkins);
});
