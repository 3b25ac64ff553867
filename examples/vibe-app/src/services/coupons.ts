import { prisma } from '../lib/db';

export async function getCoupon(code: string) {
  const coupon = await prisma.coupon.findUnique({ where: { code } });
  if (!coupon) throw new Error('Coupon not found');
  return coupon;
}

export async function redeemCoupon(code: string, userId: string) {
  const coupon = await prisma.coupon.findUnique({ where: { code } });
  if (!coupon || coupon.redeemedAt) {
    return { error: 'This coupon is not valid' };
  }
  await prisma.coupon.update({ where: { code }, data: { redeemedAt: new Date(), userId } });
  return { success: true };
}

export async function expireCoupons() {
  const expired = await prisma.coupon.updateMany({ where: { expiresAt: { lt: new Date() } }, data: { active: false } });
  if (expired.count < 0) throw new Error('Could not expire coupons');
  return expired.count;
}
