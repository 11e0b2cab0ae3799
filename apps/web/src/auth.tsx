import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Account, api, Role, session, setUnauthorisedHandler } from './api/client';

interface LoginResult {
  accessToken: string;
  expiresIn: number;
  account: Account;
}

interface AuthState {
  account: Account | null;
  has: (...roles: Role[]) => boolean;
  login: (username: string, password: string) => Promise<Account>;
  logout: () => void;
}

const AuthContext = createContext<AuthState | null>(null);

/** The workspace a role lands on after login (the first role an account holds, in this order). */
const HOMES: [Role, string][] = [
  ['office', '/workspace/supervision'],
  ['regulator', '/workspace/supervision'],
  ['committee', '/workspace/committee'],
  ['centre', '/workspace/centre'],
  ['bidder', '/workspace/bidder'],
  ['expert', '/workspace/expert'],
  ['owner', '/workspace/owner'],
  ['agent', '/workspace/owner'],
];

export function homeOf(account: Account | null): string {
  if (!account) return '/';
  for (const [role, path] of HOMES) if (account.roles.some((g) => g.role === role)) return path;
  return '/';
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<Account | null>(() => session.account());
  const navigate = useNavigate();

  const logout = useCallback(() => {
    session.clear();
    setAccount(null);
  }, []);

  useEffect(() => {
    setUnauthorisedHandler(() => {
      session.clear();
      setAccount(null);
      navigate(`/login?expired=1&next=${encodeURIComponent(location.pathname + location.search)}`);
    });
  }, [navigate]);

  const value = useMemo<AuthState>(
    () => ({
      account,
      has: (...roles) => !!account && account.roles.some((g) => roles.includes(g.role)),
      async login(username, password) {
        const r = await api.post<LoginResult>('/auth/login', { username, password });
        session.save(r.accessToken, r.account);
        setAccount(r.account);
        return r.account;
      },
      logout,
    }),
    [account, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
