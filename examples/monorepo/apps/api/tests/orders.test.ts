import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@acme/db', () => ({ listOrders: vi.fn(async () => [{ id: 'order-1' }]) }));

const { app } = await import('../src/app.js');

describe('GET /orders', () => {
  it('rejects a customer id that is not a UUID', async () => {
    const response = await request(app).get('/orders?customerId=1');
    expect(response.status).toBe(400);
  });

  it('returns the orders of a customer', async () => {
    const response = await request(app).get('/orders?customerId=0b6c8f7e-3a57-4d2b-9b7a-1f0c2d3e4f50');
    expect(response.status).toBe(200);
    expect(response.body).toEqual([{ id: 'order-1' }]);
  });
});
