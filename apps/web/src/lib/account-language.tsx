import type { SessionUser } from '@canteen/shared';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { updateSessionUser } from './auth';
import { currentLanguage } from './i18n';
import { trpc } from './trpc';

/**
 * Tells the account the language this app shows (the browser's, or the one chosen in the profile), so the emails
 * Canteen sends the person speak it too (`auth.setLanguage`). Once per change: nothing is sent while the account
 * already has it, and a failed attempt waits for the next change or the next visit.
 */
export const AccountLanguage = ({ user }: { user: SessionUser }) => {
  // Renders again when the language changes (profile, or another tab).
  useTranslation();
  const language = currentLanguage();
  const asked = useRef<string | null>(null);
  const { mutate } = useMutation(trpc.auth.setLanguage.mutationOptions({ onSuccess: updateSessionUser }));
  useEffect(() => {
    if (user.language === language || asked.current === language) return;
    asked.current = language;
    mutate({ language });
  }, [user.language, language, mutate]);
  return null;
};
