import { AppError } from '../../../shared/errors.ts';
import { discoverModules } from './module-probe.ts';
import { ModuleRegistry } from './module-registry.ts';
import { registryModules } from './registry-modules.ts';
import { SigningSession } from './signing-session.ts';
import { listTokens } from './token-listing.ts';
import type { OpenedSession, TokenRequest } from './token-protocol.ts';

interface OpenSession {
  readonly modulePath: string;
  readonly session: SigningSession;
}

// The worker's side of the protocol: owns the modules and the open signing sessions. Calls
// are synchronous (pkcs11js blocks) except the listing's wait for reg.exe; the worker answers
// one request at a time, in arrival order, either way.
export class TokenService {
  private readonly registry = new ModuleRegistry();
  private readonly sessions = new Map<number, OpenSession>();
  private nextSessionId = 1;

  handle(request: TokenRequest): unknown {
    switch (request.op) {
      case 'listModules':
        return registryModules().then((found) => discoverModules(request.userPaths, found, this.registry));
      case 'listTokens':
        return listTokens(this.registry.open(request.modulePath, { fresh: true }));
      case 'openSession':
        return this.openSession(request.modulePath, request.tokenSerial, request.pin);
      case 'sign':
        return this.session(request.sessionId).session.sign(request.certificateId, request.data);
      case 'closeSession':
        return this.closeSession(request.sessionId);
      case 'shutdown':
        for (const id of [...this.sessions.keys()]) this.closeSession(id);
        this.registry.closeAll();
        return null;
    }
  }

  private openSession(modulePath: string, tokenSerial: string, pin: string | null): OpenedSession {
    // A second login on a token already logged in would answer CKR_USER_ALREADY_LOGGED_IN
    // whatever PIN it was given, so one session per token.
    const key = this.registry.keyOf(modulePath);
    for (const open of this.sessions.values()) {
      if (this.registry.keyOf(open.modulePath) === key && open.session.tokenSerial === tokenSerial) {
        throw new AppError('INVALID_INPUT', 'Thiết bị ký số này đang được dùng trong một phiên ký khác. Hãy kết thúc phiên đó trước.', `token ${tokenSerial} already has an open session`);
      }
    }
    const module = this.registry.open(modulePath, { fresh: true });
    const session = SigningSession.open(module, tokenSerial, pin);
    this.registry.retain(modulePath);
    const sessionId = this.nextSessionId++;
    this.sessions.set(sessionId, { modulePath, session });
    return { sessionId, certificates: session.certificates };
  }

  private session(sessionId: number): OpenSession {
    const open = this.sessions.get(sessionId);
    if (!open) throw new AppError('TOKEN_UNAVAILABLE', 'Phiên ký đã kết thúc. Hãy mở lại phiên ký và nhập mã PIN.', `no open token session ${sessionId}`);
    return open;
  }

  private closeSession(sessionId: number): null {
    const open = this.sessions.get(sessionId);
    if (!open) return null;
    this.sessions.delete(sessionId);
    open.session.close();
    this.registry.release(open.modulePath);
    return null;
  }
}
