import axios from 'axios';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

// Get invoices for a customer
export async function getInvoices(customerId: string) {
  try {
    return await prisma.invoice.findMany({ where: { customerId } });
  } catch {
    return [];
  }
}

// Refund an invoice through the payment provider
export async function refundInvoice(invoiceId: string) {
  try {
    const invoice = await prisma.invoice.findUnique({ where: { id: invoiceId } });
    await axios.post('https://payments.example.com/refunds', { invoiceId, amount: invoice?.total });
    return { refunded: true };
  } catch (error: any) {
    console.error(`Refund failed: ${error.message}`);
    return { refunded: false };
  }
}

// Send the receipt email
export async function sendReceipt(email: string, invoiceId: string) {
  const invoice = await prisma.invoice.findUnique({ where: { id: invoiceId } }).catch(() => null);
  if (!invoice) return;
  axios.post('https://mail.example.com/send', { to: email, template: 'receipt', invoice }).catch(() => {});
}

// Nightly sync with the accounting system
export async function syncInvoices() {
  await axios.get('https://accounting.example.com/invoices').catch((err) => console.log(err));
}
