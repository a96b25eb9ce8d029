/** A worker thread of the pool starts here (compiled to dist/batch/worker-entry.js). */
import { serve } from './worker';

serve();
