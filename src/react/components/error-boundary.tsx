import { Component, type ErrorInfo, type ReactNode } from 'react'

export interface CairnErrorBoundaryProps {
  children: ReactNode
  /** Called once per crash; the host's `onError`. */
  onError: (error: Error) => void
  /** What to show instead of the crashed widget. @default null (nothing) */
  fallback?: ReactNode
}

interface State {
  crashed: boolean
}

/**
 * Contains a render crash inside the widget: the host page keeps working, the widget disappears (or shows
 * `fallback`), and the error goes to `onError`. The one class component: React has no hook for this.
 */
export class CairnErrorBoundary extends Component<CairnErrorBoundaryProps, State> {
  static displayName = 'Cairn.ErrorBoundary'
  override state: State = { crashed: false }

  static getDerivedStateFromError(): State {
    return { crashed: true }
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    try {
      this.props.onError(error instanceof Error ? error : new Error(String(error)))
    } catch {
      // A throwing onError must not turn a contained crash into a host-page crash.
    }
  }

  override render(): ReactNode {
    return this.state.crashed ? (this.props.fallback ?? null) : this.props.children
  }
}
