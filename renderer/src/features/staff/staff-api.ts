/** The contract's staff and session views under the names these screens use. */
export type {
  IdleLockView,
  SessionView,
  SignInPersonView as SessionPerson,
  StaffView,
} from '../../../../shared/contract';
