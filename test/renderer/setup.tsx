// Rendering the app over the fake API, for every component test.
import '@testing-library/jest-dom/vitest';
import { cleanup, configure, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { userEvent } from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { App, type Route } from '../../renderer/App.tsx';
import type { SectionId } from '../../renderer/screens/editor/MeetingEditor.tsx';
import { createFakeApi, type FakeApi } from './fake-api.ts';

// waitFor and findBy* wait for what the page does, not for a clock: a busy machine slows them, never fails them.
configure({ asyncUtilTimeout: 20_000 });

export interface Rendered {
  fake: FakeApi;
  user: ReturnType<typeof userEvent.setup>;
}

const open: FakeApi[] = [];
afterEach(async () => {
  // Unmounting sends what is still unsaved; let it land before the store closes.
  cleanup();
  for (const fake of open.splice(0)) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fake.idle();
    fake.close();
  }
});

/** The whole app over a fresh store; `prepare` fills the store first. */
export function renderApp(options: { route?: (fake: FakeApi) => Route; prepare?: (fake: FakeApi) => void } = {}): Rendered {
  const fake = createFakeApi();
  open.push(fake);
  options.prepare?.(fake);
  const user = userEvent.setup();
  // As main.tsx mounts it: StrictMode runs effects twice, which catches effects that are not clean.
  render(
    <StrictMode>
      <App api={fake.api} initialRoute={options.route?.(fake)} />
    </StrictMode>,
  );
  return { fake, user };
}

/** A meeting in the store, opened in the editor at the given section. */
export function meetingIn(fake: FakeApi, fields: Record<string, unknown> = {}): number {
  return fake.store.meetings.create({ title: 'Hội nghị giao ban quý III', ...fields }).id;
}

/** A meeting in a fresh store (`prepare` fills it first), opened in the editor at `section`. */
export function openMeetingAt(section: SectionId, prepare?: (fake: FakeApi, id: number) => void): Rendered & { id(): number } {
  let id = 0;
  const rendered = renderApp({
    prepare: (fake) => {
      id = meetingIn(fake);
      prepare?.(fake, id);
    },
    route: () => ({ screen: 'meeting', id, section }),
  });
  return { ...rendered, id: () => id };
}
