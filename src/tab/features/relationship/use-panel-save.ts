import { useState } from 'react';
import { problemOf, type ApiProblem } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n';

export interface PanelNotice {
  readonly intent: 'success' | 'warning';
  readonly text: string;
}

/**
 * Saving from a relationship panel's editor: on success close the editor, say so and reload; on a
 * conflict (someone changed it meanwhile) close the editor, say that and reload the latest; any other
 * refusal stays on screen with the editor open, so nothing typed is lost.
 */
export function usePanelSave(closeEditor: () => void, onChanged: () => void) {
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [notice, setNotice] = useState<PanelNotice | undefined>();

  const run = async (action: () => Promise<unknown>, success: string) => {
    setSaving(true);
    setProblem(undefined);
    setNotice(undefined);
    try {
      await action();
      closeEditor();
      setNotice({ intent: 'success', text: success });
      onChanged();
    } catch (error) {
      const p = problemOf(error);
      if (p.kind === 'conflict') {
        closeEditor();
        setNotice({ intent: 'warning', text: t('error.conflict') });
        onChanged();
      } else setProblem(p);
    } finally {
      setSaving(false);
    }
  };
  return { saving, problem, notice, run };
}
