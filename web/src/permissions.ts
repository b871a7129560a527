// Which pages and actions to offer a role. The answer comes from the same
// role matrix the server enforces (config/roles.json, embedded in both at
// build time), so the UI never offers what the server would refuse; the
// server remains the authority and the UI shows its refusals as they come.

import matrix from '../../config/roles.json';
import type { Role } from './api';

interface ActionRule {
  public?: boolean;
  roles?: string[];
}

const actions = matrix.actions as Record<string, ActionRule>;

export function allows(role: Role | null, action: string): boolean {
  const rule = actions[action];
  if (!rule) return false;
  if (rule.public) return true;
  return role !== null && (rule.roles ?? []).includes(role);
}
