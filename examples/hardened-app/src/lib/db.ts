import { PrismaClient } from '@prisma/client';

// One client for the whole process: every PrismaClient opens its own connection pool.
export const prisma = new PrismaClient();
