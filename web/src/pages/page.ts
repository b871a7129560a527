import type { Route } from '../router';

/** One page of the UI. */
export interface Page {
  /** Reachable without a session (login, the public tracing form). */
  public?: boolean;
  /** The role-matrix action the page needs; other roles get a refusal, not a broken page. */
  action?: string;
  title(route: Route): string;
  render(route: Route): Promise<Node> | Node;
}
