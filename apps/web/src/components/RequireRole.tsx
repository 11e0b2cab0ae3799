import { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Result } from 'antd';
import { Role } from '../api/client';
import { useAuth } from '../auth';
import { ROLE_LABEL } from '../format';

/** A workspace page: signed-in accounts holding one of `roles`; others are sent to the login or told plainly. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { account, has } = useAuth();
  const location = useLocation();
  if (!account) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!has(...roles)) return <Result status="403" title="无权访问此工作台" subTitle={`此页面供${roles.map((r) => ROLE_LABEL[r]).join('、')}使用。`} />;
  return <>{children}</>;
}
