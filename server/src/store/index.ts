export { addMember, createBoard, getBoard, listBoards } from './boards.ts';
export type { Board, CreateBoardInput, Member } from './boards.ts';
export { createDocStorage } from './doc-store.ts';
export { newId } from './ids.ts';
