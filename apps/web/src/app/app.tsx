// From react-router/dom so that navigate(…, { flushSync: true }) can use ReactDOM.flushSync.
import { RouterProvider } from 'react-router/dom';
import { Providers } from './providers';
import { router } from './routes/router';

export function App() {
  return (
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  );
}
