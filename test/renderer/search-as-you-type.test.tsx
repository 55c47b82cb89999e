// @vitest-environment jsdom
// Search across meetings as the secretary types: one question per keystroke, each answer shown as it arrives,
// never an older answer over a newer one.
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Api } from '../../shared/api.ts';
import type { FakeApi } from './fake-api.ts';
import { meetingIn, renderApp } from './setup.tsx';

/** The search channel held: each question waits until the test answers it. */
function holdSearches(fake: FakeApi) {
  const held: { query: string; answer(): void }[] = [];
  const real = fake.api.search;
  fake.api.search = ((input: { query: string }) =>
    new Promise((resolve) => {
      held.push({ query: input.query, answer: () => resolve(real(input)) });
    })) as Api['search'];
  return held;
}

function archive(fake: FakeApi) {
  const older = meetingIn(fake, { title: 'Hội nghị công tác cán bộ', date: '2024-03-01' });
  fake.store.speeches.add(older, { speakerName: 'Lê Văn Cần', content: 'Đề nghị bổ sung cán bộ trẻ.' });
  meetingIn(fake, { title: 'Họp chi bộ tháng 5', date: '2025-05-05' });
}

const marked = () =>
  within(screen.getByRole('region', { name: 'Kết quả tìm trong nội dung' }))
    .getAllByText((_, element) => element?.tagName === 'MARK')
    .map((m) => m.textContent);

describe('search as you type', () => {
  it('asks at every keystroke and shows the newest answer even when older ones arrive after it', async () => {
    let held: ReturnType<typeof holdSearches> = [];
    const { user } = renderApp({
      prepare: (fake) => {
        archive(fake);
        held = holdSearches(fake);
      },
    });
    const box = await screen.findByRole('searchbox', { name: 'Tìm hội nghị' });
    await user.type(box, 'can bo');
    // One question for each keystroke from two letters on, none waiting for a pause in typing.
    expect(held.map((h) => h.query)).toEqual(['ca', 'can', 'can ', 'can b', 'can bo']);

    // The newest answer first: shown without any timer running.
    await act(async () => held[4]?.answer());
    expect(marked()).toEqual(['cán bộ', 'cán bộ']);

    // Older answers arriving later, out of order, change nothing (each would mark less: "cán", "cán b"…).
    for (const index of [1, 3, 0, 2]) {
      await act(async () => held[index]?.answer());
      expect(marked()).toEqual(['cán bộ', 'cán bộ']);
    }
  });

  it('shows an answer to a later keystroke once it arrives, over an earlier one already shown', async () => {
    let held: ReturnType<typeof holdSearches> = [];
    const { user } = renderApp({
      prepare: (fake) => {
        archive(fake);
        held = holdSearches(fake);
      },
    });
    const box = await screen.findByRole('searchbox', { name: 'Tìm hội nghị' });
    await user.type(box, 'chi');
    await act(async () => held[0]?.answer()); // "ch"
    await act(async () => held[1]?.answer()); // "chi"
    expect(marked()).toEqual(['chi']);
    await user.type(box, ' bo');
    await act(async () => held[4]?.answer()); // "chi bo"
    expect(marked()).toEqual(['chi bộ']);
    // Erasing back below two letters clears the results, and a late answer does not bring them back.
    await user.clear(box);
    await act(async () => held[2]?.answer());
    await act(async () => held[3]?.answer());
    expect(screen.queryByRole('region', { name: 'Kết quả tìm trong nội dung' })).not.toBeInTheDocument();
  });
});
