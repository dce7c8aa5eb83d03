/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { InfoPage, infoPageOf } from '../../../src/tab/features/info/info-page';
import { apiOrigin } from '../../../src/tab/api/api-origin';
import { renderWithProviders } from '../support/render-with-providers';

describe('the about, privacy and terms pages the app package links to', () => {
  it.each([
    ['#/about', 'about'],
    ['#/privacy', 'privacy'],
    ['#/terms/', 'terms'],
    ['#/home', undefined],
    ['#/relationship/about', undefined],
  ])('%s is %s', (hash, kind) => {
    expect(infoPageOf(hash)).toBe(kind);
  });

  it('says who sees what, in English', () => {
    renderWithProviders(<InfoPage kind="privacy" />);
    expect(screen.getByRole('heading', { level: 1, name: 'Privacy' })).toBeTruthy();
    expect(screen.getByText(/a private note on a check-in is seen only by you/)).toBeTruthy();
  });

  it('in Polish', () => {
    renderWithProviders(<InfoPage kind="terms" />, { language: 'pl' });
    expect(screen.getByRole('heading', { level: 1, name: 'Warunki korzystania' })).toBeTruthy();
  });
});

describe('apiOrigin', () => {
  const page = (content: string | undefined) => {
    const doc = document.implementation.createHTMLDocument('t');
    if (content !== undefined) {
      const meta = doc.createElement('meta');
      meta.setAttribute('name', 'api-endpoint');
      meta.setAttribute('content', content);
      doc.head.appendChild(meta);
    }
    return doc;
  };

  it('is the Function App origin the build wrote into the page', () => {
    expect(apiOrigin(page('https://func-mentoring.azurewebsites.net/'))).toBe('https://func-mentoring.azurewebsites.net');
  });

  it('is the page’s own origin when the build left the tag unfilled or there is none', () => {
    expect(apiOrigin(page('%VITE_API_ENDPOINT%'))).toBe('');
    expect(apiOrigin(page(undefined))).toBe('');
  });
});
