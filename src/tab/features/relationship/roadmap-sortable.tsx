import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';

/**
 * A list whose items are dragged into a new order, with the pointer or the keyboard (focus an item's
 * handle, Space to pick it up, arrow keys to move it, Space to drop, Escape to cancel); each step is
 * announced in the person's language.
 */
export function SortableList<T extends { key: string }>({
  items,
  label,
  onReorder,
  children,
}: {
  items: readonly T[];
  /** How an item is named in announcements, by its position. */
  label: (position: number) => string;
  onReorder: (items: T[]) => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const position = (id: string | number) => items.findIndex((x) => x.key === id) + 1;
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onReorder(arrayMove([...items], position(active.id) - 1, position(over.id) - 1));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: { draggable: t('roadmap.dragInstructions') },
        announcements: {
          onDragStart: ({ active }) => t('roadmap.dragPicked', { item: label(position(active.id)) }),
          // Over its own place (right after picking up) says nothing new, so "picked up" stays announced.
          onDragOver: ({ active, over }) => (over && over.id !== active.id ? t('roadmap.dragOver', { item: label(position(active.id)), n: position(over.id) }) : undefined),
          onDragEnd: ({ active, over }) => (over ? t('roadmap.dragDropped', { item: label(position(active.id)), n: position(over.id) }) : t('roadmap.dragCancelled')),
          onDragCancel: () => t('roadmap.dragCancelled'),
        },
      }}
    >
      <SortableContext items={items.map((x) => x.key)} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}

/** One item of a SortableList: `children` gets the drag handle to place. */
export function SortableItem({ id, className, handleLabel, children }: { id: string; className?: string; handleLabel: string; children: (handle: ReactNode) => ReactNode }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const handle = (
    <Button
      ref={setActivatorNodeRef}
      appearance="subtle"
      size="small"
      {...attributes}
      {...listeners}
      aria-label={handleLabel}
      style={{ cursor: isDragging ? 'grabbing' : 'grab', touchAction: 'none' }}
    >
      <span aria-hidden="true">⠿</span>
    </Button>
  );
  return (
    <li ref={setNodeRef} data-sortable-id={id} className={className} style={{ transform: CSS.Transform.toString(transform), transition, position: 'relative', zIndex: isDragging ? 1 : undefined }}>
      {children(handle)}
    </li>
  );
}
