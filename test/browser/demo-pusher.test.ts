/** The live demo in Chromium, pusher-js on the legacy channels: demo-scenarios.ts. */
import { demoScenarios } from './demo-scenarios';

demoScenarios('pusher');
