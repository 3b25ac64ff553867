import { prisma } from '../lib/db';

// Every layer "handles" the error by logging it and throwing it again: one failed query, three error records.
export async function findAccount(accountId: string) {
  try {
    return await prisma.user.findUniqueOrThrow({ where: { id: accountId } });
  } catch (error) {
    console.error('Error finding account:', error);
    throw error;
  }
}

export async function closeAccount(accountId: string) {
  try {
    const account = await findAccount(accountId);
    return await prisma.user.update({ where: { id: account.id }, data: { closedAt: new Date() } });
  } catch (error) {
    console.error('Error closing account:', error);
    throw error;
  }
}
