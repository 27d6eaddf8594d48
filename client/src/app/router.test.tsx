import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Link, matchRoute, navigate, returnPathFrom, signInPathReturningTo, subscribeToLocation, useLocationPath, useRoute } from './router';

describe('routes', () => {
  it('names each page of the app, and nothing else', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/plans/')).toEqual({ name: 'plans' });
    expect(matchRoute('/plans/p%201')).toEqual({ name: 'plan', planId: 'p 1' });
    expect(matchRoute('/plans/p1/opinions')).toEqual({ name: 'opinions', planId: 'p1' });
    expect(matchRoute('/plans/%E3%81')).toEqual({ name: 'notFound' });
    expect(matchRoute('/admin')).toEqual({ name: 'adminCouncils' });
    expect(matchRoute('/admin/accounts/')).toEqual({ name: 'adminAccounts' });
    expect(matchRoute('/setup')).toEqual({ name: 'setup' });
    expect(matchRoute('/admin/other')).toEqual({ name: 'notFound' });
    expect(matchRoute('/councils/w1/meetings')).toEqual({ name: 'meetings', workspaceId: 'w1' });
    expect(matchRoute('/councils/w1/meetings/calendar/')).toEqual({ name: 'meetingCalendar', workspaceId: 'w1' });
    expect(matchRoute('/councils/w1/meetings/m1')).toEqual({ name: 'meeting', workspaceId: 'w1', meetingId: 'm1' });
    expect(matchRoute('/councils/w1/meetings/m1/minutes')).toEqual({ name: 'minutes', workspaceId: 'w1', meetingId: 'm1' });
    expect(matchRoute('/councils/w1/meetings/m1/minutes/x')).toEqual({ name: 'notFound' });
  });

  it('returns from sign-in only to a path of this site', () => {
    expect(returnPathFrom(signInPathReturningTo('/plans/p1?x=1'))).toBe('/plans/p1?x=1');
    expect(returnPathFrom(signInPathReturningTo('/plans/p1?tab=measures#comment-c1'))).toBe('/plans/p1?tab=measures#comment-c1');
    expect(returnPathFrom('/sign-in?next=//evil.example')).toBe('/plans');
    expect(returnPathFrom('/sign-in?next=/\\evil.example')).toBe('/plans');
    expect(returnPathFrom('/sign-in?next=https://evil.example')).toBe('/plans');
    expect(returnPathFrom('/sign-in?next=/sign-in')).toBe('/plans');
  });
});

describe('navigation', () => {
  function Where() {
    const route = useRoute();
    return (
      <>
        <p data-testid="where">
          {route.name}:{useLocationPath()}
        </p>
        <Link to="/plans/p2?tab=kpi">次へ</Link>
      </>
    );
  }

  it('follows links and navigate() without reloading, and tells outside listeners', () => {
    navigate('/plans', { replace: true });
    const heard: string[] = [];
    const stop = subscribeToLocation(() => heard.push(location.pathname + location.hash));
    render(<Where />);
    expect(screen.getByTestId('where').textContent).toBe('plans:/plans');
    act(() => {
      fireEvent.click(screen.getByText('次へ'));
    });
    expect(screen.getByTestId('where').textContent).toBe('plan:/plans/p2?tab=kpi');
    act(() => navigate('/plans/p3#thread-t1'));
    expect(screen.getByTestId('where').textContent).toBe('plan:/plans/p3');
    stop();
    expect(heard).toEqual(['/plans/p2', '/plans/p3#thread-t1']);
  });
});
