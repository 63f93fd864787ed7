import type { Performer } from '../src/bot/context.js';
import { performClaim } from './claim.handler.js';
import { performCorrect } from './correct.handler.js';
import { performApproveExtension, performExtend } from './extension.handler.js';
import { performProgress } from './progress.handler.js';
import { performRate } from './rate.handler.js';
import { performReopen } from './reopen.handler.js';
import { performResolve } from './resolve.handler.js';
import { performTransfer } from './transfer.handler.js';

/** A ticket command from the workbench, performed by the handler that performs it from chat. */
export const perform: Performer = (ctx, cmd) => {
  switch (cmd.kind) {
    case 'claim':
      return performClaim(ctx, cmd);
    case 'progress':
      return performProgress(ctx, cmd);
    case 'transfer':
    case 'return':
      return performTransfer(ctx, cmd);
    case 'extend':
      return performExtend(ctx, cmd);
    case 'approve_extension':
      return performApproveExtension(ctx, cmd);
    case 'resolve':
      return performResolve(ctx, cmd);
    case 'rate':
      return performRate(ctx, cmd);
    case 'reopen':
      return performReopen(ctx, cmd);
    case 'correct':
      return performCorrect(ctx, cmd);
  }
};
