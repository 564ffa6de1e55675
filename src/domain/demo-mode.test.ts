/**
 * Demo mode never serves real data by accident (issue 8 item 5; SPEC §7 confidentiality: "the PPM is a
 * confidential working tool"; §7 "a clearly labelled synthetic demo dataset").
 */
import { describe, expect, it } from 'vitest';
import { demoModeStartProblem } from './demo-mode.ts';

describe('demo-mode start check (SPEC §7)', () => {
  const none = { realProjects: 0, realAccounts: 0 };

  it('starts in demo mode on synthetic data and demo accounts only', () => {
    expect(demoModeStartProblem({ demoMode: true, allowRealData: false }, none)).toBeNull();
  });

  it('refuses demo mode on a database with real projects or real accounts, and says why', () => {
    const projects = demoModeStartProblem({ demoMode: true, allowRealData: false }, { realProjects: 12, realAccounts: 0 });
    expect(projects).toMatch(/Refusing to start in demo mode: the database holds 12 real \(non-synthetic\) projects\./);
    expect(projects).toMatch(/DEMO_MODE=false/);
    expect(projects).toMatch(/DEMO_MODE_WITH_REAL_DATA=true/);
    const accounts = demoModeStartProblem({ demoMode: true, allowRealData: false }, { realProjects: 0, realAccounts: 1 });
    expect(accounts).toMatch(/1 real \(non-demo\) account\./);
  });

  it('starts when told explicitly, and always without demo mode', () => {
    const real = { realProjects: 5, realAccounts: 2 };
    expect(demoModeStartProblem({ demoMode: true, allowRealData: true }, real)).toBeNull();
    expect(demoModeStartProblem({ demoMode: false, allowRealData: false }, real)).toBeNull();
  });
});
