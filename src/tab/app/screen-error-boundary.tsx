import { Component, Suspense, lazy, type ReactNode } from 'react';

// Only a failing screen needs the problem message, so it stays out of the first bundle.
const ProblemMessage = lazy(() => import('./state-views').then((m) => ({ default: m.ProblemMessage })));

/**
 * A screen that throws while rendering (a bug, or an answer that does not match the contract) shows
 * the generic problem message with a retry instead of blanking the whole tab; the shell stays usable.
 */
export class ScreenErrorBoundary extends Component<{ resetKey: string; children: ReactNode }, { failed: boolean; resetKey: string }> {
  override state = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<{ failed: boolean }> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { failed: boolean; resetKey: string }) {
    return props.resetKey !== state.resetKey ? { failed: false, resetKey: props.resetKey } : null;
  }

  override render() {
    if (this.state.failed) {
      return (
        <Suspense fallback={null}>
          <ProblemMessage problem={{ kind: 'unexpected' }} onRetry={() => this.setState({ failed: false })} />
        </Suspense>
      );
    }
    return this.props.children;
  }
}
