import { useEffect, useState } from 'preact/hooks';
import { DigestStatusView, type StatusState } from '@/components/DigestStatusView';
import { requestFromWorker } from '@/lib/runtime-messaging';

export function App() {
  const [state, setState] = useState<StatusState>({ kind: 'loading' });
  useEffect(() => {
    requestFromWorker('status', {}).then(
      (status) => setState({ kind: 'ready', status }),
      (error: unknown) =>
        setState({
          kind: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  }, []);
  return (
    <main class="popup">
      <h1 class="popup__title">PaperPeek</h1>
      <DigestStatusView state={state} />
    </main>
  );
}
