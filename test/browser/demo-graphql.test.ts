/** The live demo in Chromium, graphql-ws subscriptions: demo-scenarios.ts. */
import { demoScenarios } from './demo-scenarios';

demoScenarios('graphql');
