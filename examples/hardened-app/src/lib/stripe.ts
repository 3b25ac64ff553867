import Stripe from 'stripe';

import { config } from './config.js';

// Bounded: a slow Stripe call fails after 10 s instead of holding the request (and its connection) forever.
export const stripe = new Stripe(config.stripeKey, { timeout: 10_000, maxNetworkRetries: 2 });
