import { Component, type ReactNode } from 'react'

export interface CairnErrorBoundaryProps {
  children: ReactNode
  /** Called once per crash: the provider's `reportError`, which makes it an `Error` for the host's `onError` and never throws. */
  onError: (error: unknown) => void
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

  override componentDidCatch(error: unknown): void {
    this.props.onError(error)
  }

  override render(): ReactNode {
    return this.state.crashed ? (this.props.fallback ?? null) : this.props.children
  }
}
