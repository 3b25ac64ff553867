import axios from 'axios';

type Subscriber = { url: string };

// Deliver an event to every subscriber.
export async function deliverEvent(subscribers: Subscriber[], event: unknown) {
  for (const subscriber of subscribers) {
    await axios.post(subscriber.url, event, { timeout: 5000 });
  }
}

// Fetch exchange rates, retrying until it works.
export async function getExchangeRates() {
  while (true) {
    try {
      const response = await axios.get('https://rates.example.com/latest', { timeout: 5000 });
      return response.data;
    } catch {}
  }
}
