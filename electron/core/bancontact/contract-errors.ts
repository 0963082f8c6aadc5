import { ContractFailure, type ErrorCode } from '../../../shared/contract';
import { BancontactError } from './errors';

/** Translates a failed Bancontact call into the contract's closed set of codes. */
export function toContractFailure(error: unknown): ContractFailure {
  if (error instanceof ContractFailure) return error;
  if (!(error instanceof BancontactError)) {
    return new ContractFailure('INTERNAL', error instanceof Error ? error.message : 'unexpected failure');
  }
  const extra = {
    ...(error.code ? { apiCode: error.code } : {}),
    ...(error.traceId ? { traceId: error.traceId } : {}),
  };
  return new ContractFailure(codeFor(error), error.message, extra);
}

function codeFor(error: BancontactError): ErrorCode {
  switch (error.kind) {
    case 'timeout':
      return 'BANCONTACT_TIMEOUT';
    case 'network':
      return 'NETWORK_DOWN';
    case 'protocol':
      return 'BANCONTACT_UNAVAILABLE';
    case 'malformed_key':
      return 'MALFORMED_API_KEY';
    case 'api':
      if (error.isAuthFailure) return 'BANCONTACT_UNAUTHORIZED';
      return error.isTransient ? 'BANCONTACT_UNAVAILABLE' : 'BANCONTACT_REJECTED';
  }
}
